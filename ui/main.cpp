#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tokenbench"));
    QApplication::setOrganizationName(QStringLiteral("Tokenbench"));
    QApplication::setApplicationVersion(tb::versionString());
    // The installed desktop entry (packaging/linux): Wayland compositors find the window's icon and name through it.
    QApplication::setDesktopFileName(QStringLiteral("io.github.tokenbench.Tokenbench"));
    // The icon the package installs in the hicolor theme, for window managers that do not read the desktop entry.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.tokenbench.Tokenbench")));

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
    // For scripts/screenshots: grab the windows into DIR once painted, then quit.
    QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("Save screenshots into DIR."),
                                   QStringLiteral("DIR"));
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshots);
    // For bench/gui/run: send GET URL, print how long until the body shows and the peak RSS, then quit.
    QCommandLineOption benchUrl(QStringLiteral("bench-url"), QStringLiteral("Benchmark loading URL."),
                                QStringLiteral("URL"));
    benchUrl.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchUrl);
    parser.addOption(exitAfterStartup);
    parser.addOption(workspace);
    parser.addOption(settings);
    const QCommandLineOption ephemeral(QStringLiteral("ephemeral"),
                                       QStringLiteral("Keep secrets and tokens in memory for this run only."));
    parser.addOption(ephemeral);
    // The desktop entry passes %f: a Postman collection or environment opened from a file manager is imported.
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A Postman collection or environment to import (optional)."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    tb::ui::MainWindow::Options options;
    options.workspaceDir = parser.value(workspace);
    options.settingsPath = parser.value(settings);
    options.memorySecrets = parser.isSet(ephemeral);
    tb::ui::MainWindow window(options);
    if (parser.isSet(exitAfterStartup))
        QObject::connect(&window, &tb::ui::MainWindow::firstPainted, &app, &QApplication::quit, Qt::QueuedConnection);
    if (parser.isSet(screenshots)) {
        const QString dir = parser.value(screenshots);
        QObject::connect(&window, &tb::ui::MainWindow::firstPainted, &app, [&window, dir] {
            auto* tour = new tb::ui::ScreenshotTour(&window, dir, &window);
            tour->start([](const QStringList&) { QApplication::quit(); });
        });
    }
    if (parser.isSet(benchUrl))
        QObject::connect(&window, &tb::ui::MainWindow::firstPainted, &app,
                         [&window, url = parser.value(benchUrl)] { window.benchmarkLoad(url); });
    for (const QString& file : parser.positionalArguments())
        window.importFile(file);
    window.show();
    return app.exec();
}
