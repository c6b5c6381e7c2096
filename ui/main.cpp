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
    QApplication::setDesktopFileName(QStringLiteral("tokenbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tokenbench: API tester and OAuth 2.0 token manager."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption exitAfterStartup(QStringLiteral("exit-after-startup"),
                                              QStringLiteral("Quit right after the main window's first paint."));
    const QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Open the workspace in DIR."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption settings(QStringLiteral("settings"),
                                      QStringLiteral("Keep settings in this INI file instead of the default place."),
                                      QStringLiteral("FILE"));
    parser.addOption(exitAfterStartup);
    parser.addOption(workspace);
    parser.addOption(settings);
    parser.process(app);

    tb::ui::MainWindow window({parser.value(workspace), parser.value(settings)});
    if (parser.isSet(exitAfterStartup))
        QObject::connect(&window, &tb::ui::MainWindow::firstPainted, &app, &QApplication::quit, Qt::QueuedConnection);
    window.show();
    return app.exec();
}
