#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tb::test {

// Measures how long the event loop of the current thread goes without turning, with a 10 ms timer.
//
// Two figures: the longest wall-clock gap between ticks, and the most CPU time the thread itself spent inside
// one gap. On a loaded machine the scheduler can pause the whole process for 100+ ms, which is not our doing;
// the CPU figure counts only work the UI thread did while it should have been turning the loop, so tests
// assert on it (and may bound the wall-clock gap more loosely).
class StallMeter : public QObject
{
    Q_OBJECT

public:
    explicit StallMeter(QObject* parent = nullptr);

    void start();
    void stop();
    qint64 longestGapMs() const { return m_longestGapMs; }
    qint64 longestBusyMs() const { return m_longestBusyMs; }

private:
    void tick();
    static qint64 threadCpuNs();

    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_cpuAtTick = 0;
    qint64 m_longestGapMs = 0;
    qint64 m_longestBusyMs = 0;
};

} // namespace tb::test
