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

    // "exit N, stdout: ..., stderr: ..." for a failure message.
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out.left(2000) + "\nstderr: " + err;
    }
};

// Runs the real tokenbench-cli (from tb::test::binaryDir()) with `arguments`, feeding `input` on stdin. Spins the
// event loop while waiting (QSignalSpy::wait), so a TestHttpServer in the same thread keeps answering.
CliResult runCli(const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 30'000);
QString cliPath();

// Points HOME and the XDG data, config, cache and state folders of this process (and so of the CLIs it starts)
// into `root`, so that everything they write stays there (and can be scanned).
void useHomeUnder(const QString& root);

} // namespace tb::test
