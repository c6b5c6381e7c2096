#include "cli/ImportCommand.h"

#include "cli/ExitCodes.h"
#include "cli/SecretWriter.h"
#include "interop/CurlExporter.h"
#include "interop/WorkspaceImport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tb::cli {

namespace {

// A file's bytes, or stdin's for "-".
std::optional<QByteArray> readInput(const QString& path, QString& error)
{
    QFile file;
    const bool ok =
        path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

ImportCommand::ImportCommand() : m_secrets(new SecretWriter(this)) {}

ImportCommand::~ImportCommand() = default;

QString ImportCommand::helpText()
{
    return u"Usage:\n"
           "  tokenbench-cli import curl [-w DIR] [--collection NAME] [--folder A/B] [--name NAME] 'curl ...' | -\n"
           "  tokenbench-cli import postman [-w DIR] FILE.postman_collection.json | -\n"
           "  tokenbench-cli import postman-env [-w DIR] FILE.postman_environment.json | -\n"
           "Imports into the workspace folder DIR (default: the current folder; created when it is not a workspace).\n"
           "Secrets (tokens, passwords, client secrets, secret variables) go to the SecretStore, never to the files.\n"
           "What could not be imported is listed on stderr.\n\n"
           "Options:\n"
           "  -w, --workspace DIR   the workspace folder\n"
           "  --collection NAME     curl: the collection to add the request to (default: Imported)\n"
           "  --folder A/B          curl: the folder inside the collection (created when missing)\n"
           "  --name NAME           curl: the request's name (default: METHOD /path)\n"_s;
}

void ImportCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption workspace({u"w"_s, u"workspace"_s}, {}, u"DIR"_s, u"."_s);
    const QCommandLineOption collection(u"collection"_s, {}, u"NAME"_s, u"Imported"_s);
    const QCommandLineOption folder(u"folder"_s, {}, u"PATH"_s);
    const QCommandLineOption name(u"name"_s, {}, u"NAME"_s);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s});
    parser.addOptions({workspace, collection, folder, name, help});
    if (!parser.parse(QStringList{u"tokenbench-cli import"_s} + arguments)) {
        fail(Usage, parser.errorText());
        return;
    }
    if (parser.isSet(help)) {
        QTextStream(stdout) << helpText();
        finish(Ok);
        return;
    }
    const QStringList positional = parser.positionalArguments();
    const QString kind = positional.value(0);
    const QString dir = parser.value(workspace);
    WorkspaceImport::Result result;
    QString error;
    if (kind == u"curl") {
        QString command;
        if (positional.size() <= 1 || positional.at(1) == u"-") {
            const std::optional<QByteArray> input = readInput(u"-"_s, error);
            if (!input) {
                fail(ReadError, error);
                return;
            }
            command = QString::fromUtf8(*input);
        } else if (positional.size() == 2) {
            command = positional.at(1);
        } else {
            // Already split by the shell (after --): quote the words again.
            QStringList words;
            for (const QString& word : positional.mid(1)) {
                words << CurlExporter::quote(word);
            }
            command = words.join(u' ');
        }
        // "tokenbench-cli import curl -- -X POST https://..." : the arguments of a curl command without the word.
        const QString start = command.trimmed();
        if (start.startsWith(u'-') || start.startsWith(u"http") || start.startsWith(u'\'') || start.startsWith(u'"')) {
            command.prepend(u"curl "_s);
        }
        WorkspaceImport::CurlTarget target;
        target.collection = parser.value(collection);
        target.folder = parser.value(folder);
        target.name = parser.value(name);
        result = WorkspaceImport::curl(dir, command, target);
    } else if (kind == u"postman" || kind == u"postman-env") {
        if (positional.size() != 2) {
            fail(Usage, QStringLiteral("import %1 takes one file (or - for stdin)").arg(kind));
            return;
        }
        const std::optional<QByteArray> input = readInput(positional.at(1), error);
        if (!input) {
            fail(ReadError, error);
            return;
        }
        result = kind == u"postman" ? WorkspaceImport::postmanCollection(dir, *input)
                                    : WorkspaceImport::postmanEnvironment(dir, *input);
    } else {
        fail(Usage, kind.isEmpty() ? u"import what? curl, postman or postman-env (see import --help)"_s
                                   : QStringLiteral("cannot import \"%1\": curl, postman or postman-env").arg(kind));
        return;
    }
    if (!result.ok()) {
        fail(Failure, result.error);
        return;
    }
    QTextStream err(stderr);
    for (const QString& note : result.notes) {
        err << "note: " << note << '\n';
    }
    err.flush();
    m_secrets->write(result.secrets, [this, result, dir](const QString& secretError) {
        if (!secretError.isEmpty()) {
            fail(Failure, QStringLiteral("imported, but the secrets could not be stored: %1").arg(secretError));
            return;
        }
        QTextStream out(stdout);
        for (const QString& created : result.created) {
            out << "imported " << created << " into " << dir << '\n';
        }
        if (!result.secrets.isEmpty()) {
            out << result.secrets.size() << " secret(s) stored in the SecretStore\n";
        }
        finish(Ok);
    });
}

} // namespace tb::cli
