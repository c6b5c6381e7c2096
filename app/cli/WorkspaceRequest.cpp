#include "cli/WorkspaceRequest.h"

#include "cli/SecretWriter.h"
#include "interop/PostmanExporter.h"
#include "workspace/RequestContext.h"
#include "workspace/WorkspaceStore.h"

#include <memory>

namespace tb::cli {

WorkspaceRequest::WorkspaceRequest(SecretWriter* secrets, QObject* parent) : QObject(parent), m_secrets(secrets) {}

void WorkspaceRequest::load(const SendArguments& arguments, std::function<void(const Result&)> done)
{
    auto fail = [this, done](ExitCode code, const QString& error) {
        Result result;
        result.exitCode = code;
        result.error = error;
        QMetaObject::invokeMethod(
            this, [done, result] { done(result); }, Qt::QueuedConnection);
    };
    WorkspaceStore::LoadResult loaded = WorkspaceStore::load(arguments.workspace);
    if (!loaded.ok()) {
        fail(ReadError, loaded.error);
        return;
    }
    auto ws = std::make_shared<const Workspace>(std::move(loaded.workspace));
    QString error;
    // The positional argument is the request path instead of a URL.
    const std::optional<RequestContext> context =
        RequestContext::make(*ws, arguments.request.url, arguments.environmentName, &error);
    if (!context) {
        fail(Usage, error);
        return;
    }
    const QHash<QString, QString> variables = arguments.variables;
    const QList<KeyValueRow> extraHeaders = arguments.request.headers;
    m_secrets->read(context->secretRefs(), [ws, context, variables, extraHeaders,
                                            done](const QHash<QString, QString>& secrets, const QString& readError) {
        Result result;
        if (!readError.isEmpty()) {
            result.exitCode = Auth;
            result.error = readError;
            done(result);
            return;
        }
        result.resolver = context->resolver(secrets);
        result.resolver.setLayer(VariableResolver::requestLayer(), variables);
        result.request = context->request();
        result.request.headers << extraHeaders;
        const QString variable = PostmanExporter::accessTokenVariable(result.request.auth.oauthProfile);
        if (result.request.auth.kind == AuthSpec::Kind::OAuth2 && variables.contains(variable)) {
            result.request.auth = AuthSpec{};
            result.request.auth.kind = AuthSpec::Kind::Bearer;
            result.request.auth.token = QStringLiteral("{{%1}}").arg(variable);
        }
        done(result);
    });
}

} // namespace tb::cli
