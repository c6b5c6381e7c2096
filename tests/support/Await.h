#pragma once

#include <QTest>

#include <functional>
#include <optional>

namespace tb::test {

// Runs an asynchronous call that reports through a callback and waits (on the event loop) for its result.
// `call` receives the callback to hand to the API. nullopt when nothing arrived within `timeoutMs`.
template <typename Result>
std::optional<Result> await(const std::function<void(std::function<void(const Result&)>)>& call, int timeoutMs = 20'000)
{
    std::optional<Result> result;
    call([&result](const Result& r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
        return std::nullopt;
    return result;
}

} // namespace tb::test
