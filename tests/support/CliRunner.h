#pragma once

#include <QByteArray>
#include <QStringList>

namespace tb::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false; // false when it timed out (then it was killed)
};

// Runs the real tokenbench-cli (from tb::test::binaryDir()) with `arguments`, feeding `input` on stdin. Spins the
// event loop while waiting (QSignalSpy::wait), so a TestHttpServer in the same thread keeps answering.
CliResult runCli(const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 30'000);
QString cliPath();

} // namespace tb::test
