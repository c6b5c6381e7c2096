#include "cli/SendCommand.h"

#include "auth/AuthorizedSender.h"
#include "auth/TokenManager.h"
#include "cli/SecretWriter.h"
#include "cli/TokenSession.h"
#include "cli/WorkspaceRequest.h"
#include "http/HttpExecutor.h"
#include "http/Redactor.h"
#include "http/VariableResolver.h"
#include "secrets/SecretStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>

namespace tb::cli {

namespace {

bool writeStdout(QByteArrayView bytes)
{
    if (bytes.isEmpty()) {
        // An empty view may carry a null data(): fwrite's argument must never be null.
        return std::fflush(stdout) == 0;
    }
    const bool ok = std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size());
    return ok && std::fflush(stdout) == 0;
}

// Copies the body (memory or temporary file) to `out` in chunks.
bool copyBody(const ResponseRecord& record, const std::function<bool(QByteArrayView)>& out)
{
    if (!record.bodyOnDisk()) {
        return out(record.body);
    }
    QFile file(record.bodyFilePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    while (!file.atEnd()) {
        if (!out(file.read(1 << 20))) {
            return false;
        }
    }
    return true;
}

QByteArray statusLine(const ResponseRecord& r)
{
    return "HTTP/" + r.httpVersion.toLatin1() + ' ' + QByteArray::number(r.status) +
           (r.reason.isEmpty() ? QByteArray() : ' ' + r.reason);
}

// As curl does: https_proxy / http_proxy / all_proxy (either case) unless no_proxy lists the host. Reading the
// environment ourselves instead of asking the desktop's proxy configuration (libproxy) keeps startup fast, and
// matches what scripts written for curl expect.
ProxySpec environmentProxy(const QUrl& url)
{
    const auto env = [](const char* name) {
        QByteArray value = qgetenv(name);
        return value.isEmpty() ? qgetenv(QByteArray(name).toUpper().constData()) : value;
    };
    const QString host = url.host().toLower();
    for (const QByteArray& entry : env("no_proxy").split(',')) {
        const QString pattern = QString::fromLatin1(entry.trimmed()).toLower();
        const QString domain = pattern.startsWith(u'.') ? pattern.mid(1) : pattern;
        if (pattern == u"*" || (!domain.isEmpty() && (host == domain || host.endsWith(u'.' + domain)))) {
            return {ProxySpec::Mode::None, {}};
        }
    }
    QByteArray proxy = url.scheme() == u"https" ? env("https_proxy") : qgetenv("http_proxy");
    if (proxy.isEmpty()) {
        proxy = env("all_proxy");
    }
    if (proxy.isEmpty()) {
        return {ProxySpec::Mode::None, {}};
    }
    return {ProxySpec::Mode::Explicit, QString::fromLocal8Bit(proxy)};
}

} // namespace

SendCommand::SendCommand() = default;
SendCommand::~SendCommand() = default;

void SendCommand::start(const QStringList& arguments)
{
    SendArguments::Result parsed = SendArguments::parse(arguments);
    if (parsed.help) {
        writeStdout(SendArguments::helpText().toUtf8());
        finish(Ok);
        return;
    }
    if (parsed.exitCode != Ok) {
        fail(parsed.exitCode, parsed.error);
        return;
    }
    m_arguments = std::move(parsed.arguments);
    const ProfileOptions profileOptions(ProfileOptions::For::Send);
    m_secrets = new SecretWriter(profileOptions.storeOptions(m_arguments.profile), this);

    if (!m_arguments.workspace.isEmpty()) {
        auto* saved = new WorkspaceRequest(m_secrets, this);
        saved->load(m_arguments, [this](const WorkspaceRequest::Result& result) {
            if (result.exitCode != Ok) {
                fail(result.exitCode, result.error);
                return;
            }
            resolveAndSend(result.request, result.resolver);
        });
        return;
    }
    VariableResolver resolver;
    resolver.setLayer(VariableResolver::environmentLayer(), m_arguments.environment);
    resolver.setLayer(VariableResolver::requestLayer(), m_arguments.variables);
    resolveAndSend(m_arguments.request, resolver);
}

void SendCommand::resolveAndSend(const RequestSpec& spec, const VariableResolver& resolver)
{
    const VariableResolver::RequestResult resolved = resolver.resolve(spec);
    if (!resolved.ok()) {
        fail(UnresolvedVariable, resolved.error->message());
        return;
    }
    RequestSpec request = resolved.request;
    if (request.options.proxy.mode == ProxySpec::Mode::System) {
        request.options.proxy = environmentProxy(
            QUrl(request.url.contains(u"://") ? request.url : QStringLiteral("http://") + request.url));
    }
    const ProfileOptions profileOptions(ProfileOptions::For::Send);
    if (profileOptions.namesProfile(m_arguments.profile)) {
        // --profile (or an inline profile) wins over the saved request's own auth.
        request.auth = AuthSpec{};
        request.auth.kind = AuthSpec::Kind::OAuth2;
    }
    if (request.auth.kind == AuthSpec::Kind::OAuth2)
        return sendAuthorized(request);
    send(request);
}

void SendCommand::send(const RequestSpec& request)
{
    m_executor = std::make_unique<HttpExecutor>();
    connect(m_executor.get(), &HttpExecutor::finished, this,
            [this](HttpExecutor::RequestId, const ResponseRecord& record) { onFinished(record); });
    m_executor->send(request);
}

void SendCommand::sendAuthorized(RequestSpec request)
{
    const ProfileOptions profileOptions(ProfileOptions::For::Send);
    const ProfileOptions::Loaded loaded = profileOptions.load(m_arguments.profile, request.auth.oauthProfile);
    if (!loaded.ok()) {
        fail(Auth, loaded.error);
        return;
    }
    m_session = std::make_unique<TokenSession>();
    m_session->open(loaded, m_secrets, [this, request](const QString& error) mutable {
        if (m_arguments.verbose) {
            QTextStream err(stderr);
            for (const QString& note : m_secrets->notes())
                err << "* " << note << "\n";
            if (m_secrets->store())
                err << "* secrets and tokens: " << m_secrets->store()->description() << "\n";
        }
        if (!error.isEmpty()) {
            fail(Auth, error);
            return;
        }
        request.auth.oauthProfile = m_session->profile().name;
        m_executor = std::make_unique<HttpExecutor>();
        m_sender = std::make_unique<AuthorizedSender>(m_executor.get(), m_session->manager());
        connect(m_sender.get(), &AuthorizedSender::finished, this,
                [this](AuthorizedSender::RequestId, const ResponseRecord& record) {
                    if (m_arguments.verbose && m_sender->retriedCount() > 0)
                        QTextStream(stderr) << "* the first answer was 401: refreshed the token and sent again\n";
                    onFinished(record);
                });
        m_sender->send(request);
    });
}

void SendCommand::printExchange(const ResponseRecord& record) const
{
    Redactor redactor;
    const SentRequest sent = redactor.redact(record.request);
    QTextStream err(stderr);
    err << "> " << sent.method << ' ' << sent.url.toString(QUrl::FullyEncoded) << '\n';
    for (const HttpHeader& h : sent.headers) {
        err << "> " << h.name << ": " << h.value << '\n';
    }
    if (sent.bodySize > 0) {
        err << "> (" << sent.bodySize << " bytes of body)\n";
    }
    if (record.status > 0) {
        err << "< " << statusLine(record) << '\n';
        for (const HttpHeader& h : redactor.redactHeaders(record.headers)) {
            err << "< " << h.name << ": " << h.value << '\n';
        }
    }
    err << "* " << record.totalMs << " ms (first byte after " << record.timeToFirstByteMs << " ms)\n";
}

QByteArray SendCommand::jsonDocument(const ResponseRecord& r, bool withBody) const
{
    QJsonArray headers;
    for (const HttpHeader& h : r.headers) {
        headers.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(h.name)},
                                   {QStringLiteral("value"), QString::fromUtf8(h.value)}});
    }
    QJsonObject doc{
        {QStringLiteral("status"), r.status},
        {QStringLiteral("reason"), QString::fromLatin1(r.reason)},
        {QStringLiteral("httpVersion"), r.httpVersion},
        {QStringLiteral("url"), r.finalUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("redirects"), r.redirectCount},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("bodySize"), r.bodySize},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("totalMs"), r.totalMs},
                                                {QStringLiteral("timeToFirstByteMs"), r.timeToFirstByteMs}}},
    };
    if (withBody) {
        const QByteArray body = r.readBody();
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder.decode(body);
        if (!decoder.hasError() && !body.contains('\0')) {
            doc.insert(QStringLiteral("body"), text);
        } else {
            doc.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()));
        }
    } else if (!m_arguments.outputPath.isEmpty()) {
        doc.insert(QStringLiteral("bodyFile"), m_arguments.outputPath);
    }
    if (!r.hasResponse()) {
        doc.insert(QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("kind"), ResponseRecord::errorKindName(r.error)},
                               {QStringLiteral("message"), r.errorMessage}});
    }
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

bool SendCommand::writeBody(const ResponseRecord& record, QString& error) const
{
    const QString& path = m_arguments.outputPath;
    if (path.isEmpty()) {
        if (!copyBody(record, writeStdout)) {
            error = QStringLiteral("cannot write the body to stdout");
            return false;
        }
        return true;
    }
    // A body already on disk is moved into place when it can be; otherwise copied.
    if (record.bodyOnDisk()) {
        QFile::remove(path);
        if (QFile::rename(record.bodyFilePath, path)) {
            return true;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !copyBody(record, [&](QByteArrayView bytes) {
            return file.write(bytes.data(), bytes.size()) == bytes.size();
        })) {
        error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SendCommand::onFinished(const ResponseRecord& record)
{
    if (m_arguments.verbose && record.error != ResponseRecord::ErrorKind::Auth) { // Auth: nothing was sent
        printExchange(record);
    }
    if (!record.hasResponse()) {
        if (m_arguments.jsonOut) {
            writeStdout(jsonDocument(record, false));
        }
        QString message = record.errorMessage;
        if (record.error == ResponseRecord::ErrorKind::Tls && !m_arguments.request.options.ignoreTlsErrors) {
            message += QStringLiteral(" (use --insecure to accept it anyway)");
        }
        fail(exitCodeFor(record.error), message);
        return;
    }

    const bool httpFailure = m_arguments.fail && (record.status < 200 || record.status > 299);
    const bool bodyToFile = !m_arguments.outputPath.isEmpty();
    QString error;
    if (m_arguments.jsonOut) {
        if (bodyToFile && !httpFailure && !writeBody(record, error)) {
            fail(WriteError, error);
            return;
        }
        writeStdout(jsonDocument(record, !bodyToFile));
    } else {
        if (m_arguments.include) {
            QByteArray head = statusLine(record) + "\r\n";
            for (const HttpHeader& h : record.headers) {
                head += h.name + ": " + h.value + "\r\n";
            }
            writeStdout(head + "\r\n");
        }
        if (!httpFailure && !writeBody(record, error)) {
            fail(WriteError, error);
            return;
        }
    }
    if (httpFailure) {
        fail(HttpError,
             QStringLiteral("HTTP %1 %2 (--fail)").arg(record.status).arg(QString::fromLatin1(record.reason)));
        return;
    }
    finish(Ok);
}

} // namespace tb::cli
