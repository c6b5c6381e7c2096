#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

namespace tb {

// The engine's only source of time. Everything that expires (tokens, timeouts measured in wall time) asks the
// Clock, so tests drive time with MockClock instead of sleeping.
//
// Timers fire "on the clock": callAt(at, ...) runs the callback once now() has reached `at`. With SystemClock that is
// a real timer; with MockClock it happens inside advance()/setNow(), synchronously, in deadline order.
class Clock
{
public:
    using TimerId = quint64;

    virtual ~Clock() = default;

    // The current time, always in UTC.
    virtual QDateTime now() const = 0;

    // Runs `callback` once, on `context`'s thread, when now() >= at (at once, but still asynchronously for the
    // system clock, if `at` has passed). Destroying `context` cancels the call. Returns an id for cancel().
    virtual TimerId callAt(const QDateTime& at, QObject* context, std::function<void()> callback) = 0;

    // Cancels a pending call; unknown or already fired ids are ignored.
    virtual void cancel(TimerId id) = 0;

    // The process-wide system clock (never null).
    static Clock* system();
};

} // namespace tb
