#include "support/CliRunner.h"

#include "support/TestPaths.h"

#include <QProcess>
#include <QSignalSpy>

namespace tb::test {

QString cliPath()
{
    return binaryDir() + QStringLiteral("/app/cli/tokenbench-cli");
}

CliResult runCli(const QStringList& arguments, const QByteArray& input, int timeoutMs)
{
    QProcess process;
    process.setProgram(cliPath());
    process.setArguments(arguments);
    QSignalSpy done(&process, &QProcess::finished);
    process.start();
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    CliResult result;
    result.finished = done.wait(timeoutMs) || !done.isEmpty();
    if (!result.finished) {
        process.kill();
        done.wait(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace tb::test
