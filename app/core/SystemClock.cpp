#include "core/SystemClock.h"

#include <algorithm>

namespace tb {

namespace {
// QTimer takes an int of milliseconds; long waits (a day-long token) are re-armed in steps, which also
// absorbs suspend/resume and wall-clock jumps: the deadline is checked against now() every time.
constexpr qint64 maxStepMs = 6LL * 60 * 60 * 1000;
} // namespace

Clock* Clock::system()
{
    // Deliberately never destroyed: callers may hold it until the very end of the process. Its timers belong to
    // the callers' context objects, not to it.
    static auto* clock = new SystemClock;
    return clock;
}

SystemClock::SystemClock(QObject* parent) : QObject(parent) {}

SystemClock::~SystemClock() = default;

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

Clock::TimerId SystemClock::callAt(const QDateTime& at, QObject* context, std::function<void()> callback)
{
    const TimerId id = m_nextId++;
    m_pending.insert(id, Pending{at.toUTC(), context, std::move(callback), {}});
    arm(id);
    return id;
}

void SystemClock::cancel(TimerId id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (it->timer)
        it->timer->deleteLater();
    m_pending.erase(it);
}

void SystemClock::arm(TimerId id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (!it->context) {
        m_pending.erase(it);
        return;
    }
    const qint64 remaining = std::clamp<qint64>(now().msecsTo(it->at), 0, maxStepMs);
    // The timer lives on the context's thread and dies with it, which cancels the call.
    auto* timer = new QTimer(it->context);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    it->timer = timer;
    connect(timer, &QTimer::timeout, it->context, [this, id, timer] {
        timer->deleteLater();
        auto found = m_pending.find(id);
        if (found == m_pending.end())
            return;
        if (now() < found->at) {
            arm(id);
            return;
        }
        auto callback = std::move(found->callback);
        m_pending.erase(found);
        callback();
    });
    timer->start(static_cast<int>(remaining));
}

} // namespace tb
