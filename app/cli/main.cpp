#include "core/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokenbench-cli"));
    QCoreApplication::setApplicationVersion(tb::versionString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tokenbench command line: send requests, manage tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    QTextStream(stdout) << parser.helpText();
    return 0;
}
