#include "cli/CommandTable.h"
#include "cli/ExitCodes.h"
#include "core/Version.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

QString generalHelp()
{
    QString text;
    QTextStream out(&text);
    out << "Usage: tokenbench-cli <command> [options]\n"
           "Tokenbench command line: send requests, manage tokens.\n\n"
           "Commands:\n";
    for (const tb::cli::CommandInfo& info : tb::cli::commandTable()) {
        out << "  " << qSetFieldWidth(10) << Qt::left << info.name << qSetFieldWidth(0) << info.summary << '\n';
    }
    out << "\nOptions:\n"
           "  -h, --help     this help; `tokenbench-cli <command> --help` for a command's options\n"
           "  --version      the version\n\n"
        << tb::cli::exitCodesHelp();
    return text;
}

} // namespace

// Dispatches `tokenbench-cli <command> ...` to one Command and runs the event loop until it finishes. Nothing
// else happens before the command starts: startup time counts for scripts that call us in a loop.
int main(int argc, char* argv[])
{
    // Qt's plain Unix event dispatcher starts faster than the GLib one. Commands that may reach the keychain need
    // GLib: QtKeychain's libsecret backend answers through the GLib main loop. Only a `send` with neither a workspace
    // (secret variables, an inherited OAuth profile) nor a profile stays off the keychain.
    const QByteArray commandName = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    bool usesKeychain = commandName != "send";
    for (int i = 2; i < argc && !usesKeychain; ++i) {
        const QByteArray arg(argv[i]);
        for (const char* option : {"--profile", "--workspace", "--token-url", "--issuer"})
            usesKeychain = usesKeychain || arg == option || arg.startsWith(QByteArray(option) + '=');
    }
    if (!usesKeychain)
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokenbench-cli"));
    QCoreApplication::setApplicationVersion(tb::versionString());

    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first == u"-h" || first == u"--help" || first == u"help") {
        QTextStream(stdout) << generalHelp();
        return tb::cli::Ok;
    }
    if (first == u"--version" || first == u"-V") {
        QTextStream(stdout) << "tokenbench-cli " << tb::versionString() << '\n';
        return tb::cli::Ok;
    }
    if (first.isEmpty()) {
        QTextStream(stderr) << generalHelp();
        return tb::cli::Usage;
    }
    const tb::cli::CommandInfo* info = tb::cli::findCommand(first);
    if (!info) {
        QTextStream(stderr) << "tokenbench-cli: unknown command '" << first << "' (see tokenbench-cli --help)\n";
        return tb::cli::Usage;
    }
    std::unique_ptr<tb::cli::Command> command = info->create();
    QObject::connect(command.get(), &tb::cli::Command::finished, &app, [](int code) { QCoreApplication::exit(code); });
    command->start(args.mid(2));
    return app.exec();
}
