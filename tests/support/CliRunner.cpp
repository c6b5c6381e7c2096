#include "support/CliRunner.h"

#include "support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace tb::test {

QString cliPath()
{
    return binaryDir() + QStringLiteral("/app/cli/tokenbench-cli");
}

void useHomeUnder(const QString& root)
{
    const QString home = root + QStringLiteral("/home");
    QDir().mkpath(home);
    qputenv("HOME", home.toUtf8());
    qputenv("XDG_DATA_HOME", (home + QStringLiteral("/.local/share")).toUtf8());
    qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_CACHE_HOME", (home + QStringLiteral("/.cache")).toUtf8());
    qputenv("XDG_STATE_HOME", (home + QStringLiteral("/.local/state")).toUtf8());
}

CliResult runCli(const QStringList& arguments, const QByteArray& input, int timeoutMs)
{
    QProcess process;
    process.setProgram(cliPath());
    process.setArguments(arguments);
    // Tests talk to 127.0.0.1: a proxy set in the caller's environment must not get in the way.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"http_proxy", "https_proxy", "all_proxy", "HTTPS_PROXY", "ALL_PROXY"}) {
        env.remove(QString::fromLatin1(name));
    }
    process.setProcessEnvironment(env);
    QSignalSpy done(&process, &QProcess::finished);
    QSignalSpy failedToStart(&process, &QProcess::errorOccurred);
    process.start();
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    CliResult result;
    [[maybe_unused]] const bool ended =
        QTest::qWaitFor([&] { return !done.isEmpty() || !failedToStart.isEmpty(); }, timeoutMs);
    result.finished = !done.isEmpty();
    if (!failedToStart.isEmpty() && process.error() == QProcess::FailedToStart) {
        result.err = "cannot start " + cliPath().toUtf8() + ": " + process.errorString().toUtf8();
        return result;
    }
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
