#include "cli/ExportCommand.h"

#include "auth/OAuthProfile.h"
#include "cli/ExitCodes.h"
#include "cli/SecretWriter.h"
#include "interop/CurlExporter.h"
#include "interop/PostmanExporter.h"
#include "workspace/RequestContext.h"
#include "workspace/WorkspaceStore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tb::cli {

namespace {

void collectRefs(const VariableList& variables, QStringList& refs)
{
    for (const Variable& v : variables) {
        if (v.secret && !v.ref.isEmpty()) {
            refs << v.ref;
        }
    }
}

void collectRefs(const std::vector<CollectionItem>& items, QStringList& refs)
{
    for (const CollectionItem& item : items) {
        collectRefs(item.variables, refs);
        collectRefs(item.children, refs);
    }
}

} // namespace

ExportCommand::ExportCommand() : m_secrets(new SecretWriter(this)) {}

ExportCommand::~ExportCommand() = default;

QString ExportCommand::helpText()
{
    return u"Usage:\n"
           "  tokenbench-cli export curl [-w DIR] [--env NAME] [--reveal] [--single-line] COLLECTION/[FOLDER/]REQUEST\n"
           "  tokenbench-cli export postman [-w DIR] [--reveal] [-o FILE] COLLECTION\n"
           "curl: one command that reproduces the saved request with the environment's values and its inherited auth;\n"
           "secrets are written as shell variables ($name) unless --reveal.\n"
           "postman: Postman Collection v2.1 JSON that Newman runs; secret variables are empty unless --reveal.\n\n"
           "Options:\n"
           "  -w, --workspace DIR   the workspace folder (default: the current folder)\n"
           "  --env NAME            the environment (default: the workspace's default)\n"
           "  --reveal              write secret values (read from the SecretStore)\n"
           "  --single-line         curl: one line instead of one option per line\n"
           "  -o, --output FILE     write there instead of stdout\n"_s;
}

void ExportCommand::output(const QByteArray& bytes)
{
    if (m_outputPath.isEmpty()) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        finish(Ok);
        return;
    }
    QSaveFile file(m_outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        fail(WriteError, QStringLiteral("%1: %2").arg(m_outputPath, file.errorString()));
        return;
    }
    finish(Ok);
}

void ExportCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption workspace({u"w"_s, u"workspace"_s}, {}, u"DIR"_s, u"."_s);
    const QCommandLineOption env(u"env"_s, {}, u"NAME"_s);
    const QCommandLineOption reveal(u"reveal"_s);
    const QCommandLineOption singleLine(u"single-line"_s);
    const QCommandLineOption outputOption({u"o"_s, u"output"_s}, {}, u"FILE"_s);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s});
    parser.addOptions({workspace, env, reveal, singleLine, outputOption, help});
    if (!parser.parse(QStringList{u"tokenbench-cli export"_s} + arguments)) {
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
    if ((kind != u"curl" && kind != u"postman") || positional.size() != 2) {
        fail(Usage, u"export curl REQUEST-PATH or export postman COLLECTION (see export --help)"_s);
        return;
    }
    m_outputPath = parser.value(outputOption);
    WorkspaceStore::LoadResult loaded = WorkspaceStore::load(parser.value(workspace));
    if (!loaded.ok()) {
        fail(Failure, loaded.error);
        return;
    }
    for (const FileIssue& issue : loaded.issues) {
        printError(issue.toString());
    }
    auto ws = std::make_shared<const Workspace>(std::move(loaded.workspace));
    const bool revealSecrets = parser.isSet(reveal);

    if (kind == u"postman") {
        const Collection* collection = ws->collection(positional.at(1));
        if (!collection) {
            fail(Usage, QStringLiteral("no collection \"%1\" in the workspace").arg(positional.at(1)));
            return;
        }
        QStringList refs;
        if (revealSecrets) {
            collectRefs(collection->variables, refs);
            collectRefs(collection->items, refs);
        }
        m_secrets->read(refs, [this, ws, collection](const QHash<QString, QString>& values, const QString& error) {
            if (!error.isEmpty()) {
                fail(Failure, error);
                return;
            }
            PostmanExporter::Options options;
            options.profile = [ws](const QString& name) -> std::optional<OAuthProfile> {
                const AuthProfileFile* file = ws->authProfile(name);
                return file ? OAuthProfile::fromJson(file->json) : std::nullopt;
            };
            options.revealSecret = [values](const Variable& v) -> std::optional<QString> {
                return values.contains(v.ref) ? std::optional(values.value(v.ref)) : std::nullopt;
            };
            output(QJsonDocument(PostmanExporter::exportCollection(*collection, options)).toJson());
        });
        return;
    }

    QString error;
    const std::optional<RequestContext> context =
        RequestContext::make(*ws, positional.at(1), parser.value(env), &error);
    if (!context) {
        fail(Usage, error);
        return;
    }
    const bool multiline = !parser.isSet(singleLine);
    m_secrets->read(revealSecrets ? context->secretRefs() : QStringList(),
                    [this, ws, context, multiline](const QHash<QString, QString>& values, const QString& readError) {
                        if (!readError.isEmpty()) {
                            fail(Failure, readError);
                            return;
                        }
                        const VariableResolver resolver = context->resolver(values);
                        CurlExporter::Options options;
                        options.multiline = multiline;
                        // A variable's value when it has one to show; secrets not revealed stay $NAME.
                        options.value = [&](const QString& name) -> std::optional<QString> {
                            const std::optional<QString> raw = resolver.rawValue(name);
                            if (!raw) {
                                return std::nullopt;
                            }
                            const VariableResolver::Result resolved = resolver.resolve(*raw, name);
                            return resolved.ok() ? std::optional(resolved.text) : std::nullopt;
                        };
                        output((CurlExporter::toCommand(context->request(), options) + u'\n').toUtf8());
                    });
}

} // namespace tb::cli
