#include "MainWindow.h"
#include "core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tokenbench"));
    QApplication::setOrganizationName(QStringLiteral("Tokenbench"));
    QApplication::setApplicationVersion(tb::versionString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tokenbench: API tester and OAuth 2.0 token manager."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption exitAfterStartup(QStringLiteral("exit-after-startup"),
                                              QStringLiteral("Quit right after the main window's first paint."));
    parser.addOption(exitAfterStartup);
    parser.process(app);

    tb::ui::MainWindow window;
    window.show();
    if (parser.isSet(exitAfterStartup))
        QTimer::singleShot(0, &app, &QApplication::quit);
    return app.exec();
}
