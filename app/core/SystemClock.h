#pragma once

#include "core/Clock.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tb {

// Wall time from QDateTime::currentDateTimeUtc(), timers from QTimer.
class SystemClock final : public QObject, public Clock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemClock)

public:
    explicit SystemClock(QObject* parent = nullptr);
    ~SystemClock() override;

    QDateTime now() const override;
    TimerId callAt(const QDateTime& at, QObject* context, std::function<void()> callback) override;
    void cancel(TimerId id) override;

private:
    void arm(TimerId id);

    struct Pending
    {
        QDateTime at;
        QPointer<QObject> context;
        std::function<void()> callback;
        QPointer<QTimer> timer;
    };
    QHash<TimerId, Pending> m_pending;
    TimerId m_nextId = 1;
};

} // namespace tb
