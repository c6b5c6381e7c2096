#pragma once

#include "core/Clock.h"

#include <QMap>
#include <QPointer>

namespace tb {

// A clock that moves only when told to. advance()/setNow() fire every due callAt() callback synchronously, in
// deadline order, with now() set to each callback's deadline while it runs (so a callback that schedules a new
// timer inside the advanced span sees it fire in the same advance()).
class MockClock final : public Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));

    QDateTime now() const override;
    TimerId callAt(const QDateTime& at, QObject* context, std::function<void()> callback) override;
    void cancel(TimerId id) override;

    void advance(qint64 seconds) { advanceMs(seconds * 1000); }
    void advanceMs(qint64 milliseconds);
    void setNow(const QDateTime& time);

    // How many calls are waiting (cancelled and dead-context ones excluded).
    int pendingCount() const;
    // The earliest pending deadline, or an invalid QDateTime.
    QDateTime nextDeadline() const;

private:
    struct Pending
    {
        QDateTime at;
        QPointer<QObject> context;
        std::function<void()> callback;
    };
    QDateTime m_now;
    QMap<TimerId, Pending> m_pending;
    TimerId m_nextId = 1;
};

} // namespace tb
