#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace tb::test {

// Measures how long the event loop of the current thread goes without turning: a precise 10 ms timer ticks, and
// the meter keeps the longest wall-clock gap between two consecutive ticks (from start() to the first tick, and
// from the last tick to stop(), count too). That gap is what a user feels as a frozen window.
//
// It also notes how much CPU time the thread itself spent inside that gap: when a gap is long but the thread was
// mostly idle, the scheduler (a loaded machine) held it back, not our code; summary() says which it was.
class StallMeter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallMeter)

public:
    static constexpr int kIntervalMs = 10;

    explicit StallMeter(QObject* parent = nullptr);

    void start();
    void stop();
    qint64 longestGapMs() const { return m_longestGapMs; }
    // CPU time this thread used during the longest gap.
    qint64 busyInLongestGapMs() const { return m_busyInLongestGapMs; }
    qint64 ticks() const { return m_ticks; }
    // "longest gap 23 ms (UI thread busy 12 ms of it) 840 ms after start; 412 ticks over 4.3 s"
    QString summary() const;

signals:
    void ticked();

private:
    // Context switches of this thread: it waited (blocked on I/O or a lock) or was preempted by the scheduler.
    struct Switches
    {
        qint64 waited = 0;
        qint64 preempted = 0;
    };

    void tick();
    static qint64 threadCpuNs();
    static Switches threadSwitches();

    QTimer m_timer;
    QElapsedTimer m_sinceStart;
    qint64 m_lastTickNs = 0;
    qint64 m_cpuAtTickNs = 0;
    qint64 m_longestGapMs = 0;
    qint64 m_busyInLongestGapMs = 0;
    qint64 m_longestGapAtMs = 0;
    qint64 m_ticks = 0;
    Switches m_switchesAtTick;
    Switches m_switchesInLongestGap;
};

} // namespace tb::test
