#include "StallMeter.h"

#include <ctime>

namespace tb::test {

StallMeter::StallMeter(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
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
    m_longestBusyMs = 0;
    m_sinceTick.start();
    m_cpuAtTick = threadCpuNs();
    m_timer.start();
}

void StallMeter::stop()
{
    tick();
    m_timer.stop();
}

void StallMeter::tick()
{
    const qint64 cpu = threadCpuNs();
    m_longestGapMs = qMax(m_longestGapMs, m_sinceTick.restart());
    m_longestBusyMs = qMax(m_longestBusyMs, (cpu - m_cpuAtTick) / 1'000'000);
    m_cpuAtTick = cpu;
}

} // namespace tb::test
