#pragma once

#include <QObject>
#include <QStringList>

namespace tb::cli {

// One `tokenbench-cli <command>`. main() creates it, calls start() with the arguments after the command name and
// runs the event loop until finished(exitCode). Commands work asynchronously (signals, no nested event loops)
// and report errors as one line on stderr.
class Command : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Command)

public:
    explicit Command(QObject* parent = nullptr) : QObject(parent) {}
    ~Command() override = default;

    virtual void start(const QStringList& arguments) = 0;

signals:
    void finished(int exitCode);

protected:
    // Queued, so it also works when called from start() before the event loop runs.
    void finish(int exitCode);
    // "tokenbench-cli: <message>" on stderr, then finish(exitCode).
    void fail(int exitCode, const QString& message);
    static void printError(const QString& message);
};

} // namespace tb::cli
