#include "StallMeter.h"

#include <sys/resource.h>

#include <ctime>

namespace tb::test {

StallMeter::StallMeter(QObject* parent) : QObject(parent)
{
    // A coarse timer may slip by 5% of its interval on purpose; a precise one fires as soon as the loop lets it.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

StallMeter::Switches StallMeter::threadSwitches()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return {qint64(usage.ru_nvcsw), qint64(usage.ru_nivcsw)};
}

qint64 StallMeter::threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void StallMeter::start()
{
    m_longestGapMs = 0;
    m_busyInLongestGapMs = 0;
    m_longestGapAtMs = 0;
    m_ticks = 0;
    m_sinceStart.start();
    m_lastTickNs = 0;
    m_cpuAtTickNs = threadCpuNs();
    m_switchesAtTick = threadSwitches();
    m_timer.start();
}

void StallMeter::stop()
{
    tick();
    m_timer.stop();
}

void StallMeter::tick()
{
    const qint64 now = m_sinceStart.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    const Switches switches = threadSwitches();
    const qint64 gapMs = (now - m_lastTickNs) / 1'000'000;
    if (gapMs > m_longestGapMs) {
        m_longestGapMs = gapMs;
        m_busyInLongestGapMs = (cpu - m_cpuAtTickNs) / 1'000'000;
        m_longestGapAtMs = now / 1'000'000;
        m_switchesInLongestGap = {switches.waited - m_switchesAtTick.waited,
                                  switches.preempted - m_switchesAtTick.preempted};
    }
    m_switchesAtTick = switches;
    m_lastTickNs = now;
    m_cpuAtTickNs = cpu;
    ++m_ticks;
    emit ticked();
}

QString StallMeter::summary() const
{
    return QStringLiteral("longest event-loop gap %1 ms (UI thread busy %2 ms of it, blocked %6 times, preempted %7 "
                          "times) ending %3 ms after start; %4 ticks over %5 ms")
        .arg(m_longestGapMs)
        .arg(m_busyInLongestGapMs)
        .arg(m_longestGapAtMs)
        .arg(m_ticks)
        .arg(m_lastTickNs / 1'000'000)
        .arg(m_switchesInLongestGap.waited)
        .arg(m_switchesInLongestGap.preempted);
}

} // namespace tb::test
