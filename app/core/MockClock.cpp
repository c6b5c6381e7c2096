#include "core/MockClock.h"

namespace tb {

MockClock::MockClock(QDateTime start) : m_now(start.toUTC()) {}

QDateTime MockClock::now() const
{
    return m_now;
}

Clock::TimerId MockClock::callAt(const QDateTime& at, QObject* context, std::function<void()> callback)
{
    const TimerId id = m_nextId++;
    m_pending.insert(id, Pending{at.toUTC(), context, std::move(callback)});
    return id;
}

void MockClock::cancel(TimerId id)
{
    m_pending.remove(id);
}

void MockClock::advanceMs(qint64 milliseconds)
{
    setNow(m_now.addMSecs(milliseconds));
}

void MockClock::setNow(const QDateTime& time)
{
    const QDateTime target = time.toUTC();
    for (;;) {
        // Earliest due entry; ties fire in scheduling order (ids grow).
        auto due = m_pending.end();
        for (auto it = m_pending.begin(); it != m_pending.end();) {
            if (!it->context) {
                it = m_pending.erase(it);
                continue;
            }
            if (it->at <= target && (due == m_pending.end() || it->at < due->at))
                due = it;
            ++it;
        }
        if (due == m_pending.end())
            break;
        if (due->at > m_now)
            m_now = due->at;
        auto callback = std::move(due->callback);
        m_pending.erase(due);
        callback();
    }
    if (target > m_now)
        m_now = target;
}

int MockClock::pendingCount() const
{
    int count = 0;
    for (const auto& p : m_pending)
        count += p.context ? 1 : 0;
    return count;
}

QDateTime MockClock::nextDeadline() const
{
    QDateTime earliest;
    for (const auto& p : m_pending) {
        if (p.context && (!earliest.isValid() || p.at < earliest))
            earliest = p.at;
    }
    return earliest;
}

} // namespace tb
