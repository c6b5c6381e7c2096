#include "cli/Command.h"

#include <QTextStream>

#include <cstdio>

namespace tb::cli {

void Command::finish(int exitCode)
{
    QMetaObject::invokeMethod(
        this, [this, exitCode] { emit finished(exitCode); }, Qt::QueuedConnection);
}

void Command::printError(const QString& message)
{
    QTextStream(stderr) << "tokenbench-cli: " << message << '\n';
}

void Command::fail(int exitCode, const QString& message)
{
    printError(message);
    finish(exitCode);
}

} // namespace tb::cli
