#include "http/HttpExecutor.h"

#include "core/Version.h"
#include "http/BodyEncoder.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslError>
#include <QTemporaryFile>
#include <QTimer>

namespace tb {

using ErrorKind = ResponseRecord::ErrorKind;

namespace {

// Bounds what the network stack buffers per reply, so a huge body never sits in memory.
constexpr qint64 kReadBufferSize = 256 * 1024;

// Asks the platform (environment variables, desktop settings) for each URL.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override { return systemProxyForQuery(query); }
};

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

QUrl parseUrl(const QString& text, QString& error)
{
    QString written = text.trimmed();
    if (!written.contains(u"://")) {
        written.prepend(u"http://"); // as curl does: a bare host:port/path means http
    }
    const QUrl url(written, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()) {
        // QUrl's message goes on to dump its parse state after a ';': keep the first clause.
        error = QStringLiteral("invalid URL '%1': %2").arg(text, url.errorString().section(u';', 0, 0));
    } else if (scheme != u"http" && scheme != u"https") {
        error = QStringLiteral("unsupported URL scheme '%1' in '%2' (use http or https)").arg(url.scheme(), text);
    } else if (url.host().isEmpty()) {
        error = QStringLiteral("invalid URL '%1': no host").arg(text);
    }
    return error.isEmpty() ? url : QUrl();
}

void appendQueryItem(QUrl& url, const QString& name, const QString& value)
{
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty()) {
        query += u'&';
    }
    query += QString::fromLatin1(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    url.setQuery(query, QUrl::StrictMode);
}

// The header lines to send, one per name (see the class comment), in order of first appearance.
class HeaderLines
{
public:
    void add(const QByteArray& name, const QByteArray& value)
    {
        for (HttpHeader& h : lines) {
            if (h.name.compare(name, Qt::CaseInsensitive) == 0) {
                h.value += (name.compare("cookie", Qt::CaseInsensitive) == 0 ? "; " : ", ") + value;
                return;
            }
        }
        lines.append({name, value});
    }
    void replace(const QByteArray& name, const QByteArray& value)
    {
        lines.removeIf([&](const HttpHeader& h) { return h.name.compare(name, Qt::CaseInsensitive) == 0; });
        lines.append({name, value});
    }
    bool has(QByteArrayView name) const
    {
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&](const HttpHeader& h) { return name.compare(h.name, Qt::CaseInsensitive) == 0; });
    }
    QList<HttpHeader> lines;
};

bool isValidHeaderName(const QByteArray& name)
{
    return RequestSpec::isValidMethod(QString::fromLatin1(name)); // the same RFC 9110 token rule
}

bool isValidHeaderValue(const QByteArray& value)
{
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

QString describeSslErrors(const QList<QSslError>& errors)
{
    QStringList reasons;
    QString subject;
    QString issuer;
    for (const QSslError& e : errors) {
        if (!reasons.contains(e.errorString())) {
            reasons << e.errorString();
        }
        if (subject.isEmpty() && !e.certificate().isNull()) {
            subject = e.certificate().subjectDisplayName();
            issuer = e.certificate().issuerDisplayName();
        }
    }
    QString message = QStringLiteral("TLS certificate not trusted: %1").arg(reasons.join(QStringLiteral("; ")));
    if (!subject.isEmpty()) {
        message += QStringLiteral(" (subject: %1, issuer: %2)").arg(subject, issuer);
    }
    return message;
}

// Errors Qt reports for a complete HTTP response with a 4xx/5xx status: for us the response is the result.
bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

ErrorKind classify(QNetworkReply::NetworkError error, bool headersArrived)
{
    switch (error) {
    case QNetworkReply::NoError:
        return ErrorKind::None;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return ErrorKind::Connection;
    case QNetworkReply::RemoteHostClosedError:
        return headersArrived ? ErrorKind::Protocol : ErrorKind::Connection;
    case QNetworkReply::TimeoutError:
        return ErrorKind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return ErrorKind::Tls;
    case QNetworkReply::TooManyRedirectsError:
        return ErrorKind::TooManyRedirects;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        return ErrorKind::Proxy;
    case QNetworkReply::OperationCanceledError:
        return ErrorKind::Canceled;
    case QNetworkReply::ProtocolUnknownError:
        return ErrorKind::InvalidRequest;
    default:
        return ErrorKind::Protocol; // InsecureRedirectError, ProtocolFailure, ...
    }
}

} // namespace

struct HttpExecutor::Call
{
    RequestId id = 0;
    QNetworkReply* reply = nullptr; // deleted with deleteLater once finished
    ResponseRecord record;
    QElapsedTimer clock;
    QTimer connectTimer;
    QTimer totalTimer;
    QByteArray memory;
    std::unique_ptr<QTemporaryFile> file;
    QList<QSslError> sslErrors;
    bool headersArrived = false;
    ErrorKind forcedError = ErrorKind::None; // set by our timeouts, cancel() and write failures
    QString forcedMessage;

    // What is needed to send the next hop of a redirect.
    QNetworkAccessManager* nam = nullptr;
    QByteArray method;
    QUrl url;
    QList<HttpHeader> headers;
    EncodedBody body;
    bool hasBody = false;
    int redirectsLeft = 0;
    bool ignoreTls = false;
};

HttpExecutor::HttpExecutor(QObject* parent) : QObject(parent), m_nam(std::make_unique<QNetworkAccessManager>())
{
    m_nam->setProxyFactory(new SystemProxyFactory); // the manager owns its factory
}

HttpExecutor::~HttpExecutor()
{
    // No finished() from a dying executor: its receivers may be gone already.
    for (auto& [id, call] : m_calls) {
        call->reply->disconnect(this);
        call->reply->abort();
    }
}

QString HttpExecutor::temporaryDirectory() const
{
    return m_tempDir.isEmpty() ? QDir::tempPath() : m_tempDir;
}

QNetworkAccessManager* HttpExecutor::managerFor(const ProxySpec& proxy, QString& error)
{
    if (proxy.mode == ProxySpec::Mode::System) {
        return m_nam.get();
    }
    QNetworkProxy networkProxy(QNetworkProxy::NoProxy);
    QString key = QStringLiteral("none");
    if (proxy.mode == ProxySpec::Mode::Explicit) {
        const QUrl url(proxy.url.contains(u"://") ? proxy.url : QStringLiteral("http://") + proxy.url,
                       QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && !scheme.startsWith(u"socks5"))) {
            error =
                QStringLiteral("invalid proxy '%1' (expected http://host:port or socks5://host:port)").arg(proxy.url);
            return nullptr;
        }
        const bool socks = scheme.startsWith(u"socks5");
        networkProxy = QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                                     quint16(url.port(socks ? 1080 : 8080)), url.userName(), url.password());
        key = url.toString();
    }
    auto& nam = m_proxyNams[key];
    if (!nam) {
        nam = std::make_unique<QNetworkAccessManager>();
        nam->setProxy(networkProxy);
    }
    return nam.get();
}

void HttpExecutor::failBeforeSending(RequestId id, ResponseRecord record)
{
    // Queued, so the caller always gets its id before finished() arrives.
    QMetaObject::invokeMethod(
        this, [this, id, record] { emit finished(id, record); }, Qt::QueuedConnection);
}

HttpExecutor::RequestId HttpExecutor::send(const RequestSpec& spec)
{
    const RequestId id = m_nextId++;
    ResponseRecord failed;
    failed.sentAt = QDateTime::currentDateTimeUtc();
    const auto fail = [&](ErrorKind kind, const QString& message) {
        failed.error = kind;
        failed.errorMessage = message;
        failBeforeSending(id, failed);
        return id;
    };

    SentRequest& sent = failed.request;
    sent.method = spec.method.toUtf8();
    if (!RequestSpec::isValidMethod(spec.method)) {
        return fail(ErrorKind::InvalidRequest, QStringLiteral("invalid method '%1'").arg(spec.method));
    }
    QString error;
    QUrl url = parseUrl(spec.url, error);
    if (!error.isEmpty()) {
        return fail(ErrorKind::InvalidRequest, error);
    }
    for (const KeyValueRow& row : spec.queryParams) {
        if (row.enabled) {
            appendQueryItem(url, row.name, row.value);
        }
    }

    HeaderLines headers;
    if (!std::any_of(spec.headers.cbegin(), spec.headers.cend(), [](const KeyValueRow& r) {
            return r.enabled && r.name.trimmed().compare(u"user-agent", Qt::CaseInsensitive) == 0;
        })) {
        headers.add("User-Agent", "tokenbench/" + versionString().toLatin1());
    }
    for (const KeyValueRow& row : spec.headers) {
        if (!row.enabled) {
            continue;
        }
        const QByteArray name = row.name.trimmed().toUtf8();
        const QByteArray value = row.value.trimmed().toUtf8();
        if (!isValidHeaderName(name)) {
            return fail(ErrorKind::InvalidRequest, QStringLiteral("invalid header name '%1'").arg(row.name));
        }
        if (!isValidHeaderValue(value)) {
            return fail(ErrorKind::InvalidRequest,
                        QStringLiteral("invalid value for header '%1': line breaks are not allowed").arg(row.name));
        }
        headers.add(name, value);
    }
    if (!headers.has("accept")) {
        headers.add("Accept", "*/*");
    }

    const AuthSpec& auth = spec.auth;
    switch (auth.kind) {
    case AuthSpec::Kind::None:
    case AuthSpec::Kind::Inherit: // nothing left to inherit from: the workspace resolves folder auth before
        break;
    case AuthSpec::Kind::Bearer:
        headers.replace("Authorization", "Bearer " + auth.token.toUtf8());
        break;
    case AuthSpec::Kind::Basic:
        headers.replace("Authorization", "Basic " + (auth.username + u':' + auth.password).toUtf8().toBase64());
        break;
    case AuthSpec::Kind::ApiKey:
        if (auth.apiKeyLocation == AuthSpec::ApiKeyLocation::Query) {
            appendQueryItem(url, auth.apiKeyName, auth.apiKeyValue);
        } else {
            headers.replace(auth.apiKeyName.toUtf8(), auth.apiKeyValue.toUtf8());
        }
        break;
    case AuthSpec::Kind::OAuth2:
        return fail(ErrorKind::Auth,
                    QStringLiteral("auth '%1' must be resolved before sending").arg(AuthSpec::kindName(auth.kind)));
    }
    sent.url = url;

    const EncodedBody body = BodyEncoder::encode(spec.body);
    if (!body.ok()) {
        return fail(ErrorKind::File, body.error);
    }
    if (spec.body.kind != RequestBody::Kind::None && !headers.has("content-type")) {
        headers.add("Content-Type",
                    body.contentType.isEmpty() ? QByteArray("text/plain; charset=utf-8") : body.contentType);
    }
    sent.headers = headers.lines;
    sent.bodySize = body.size;
    sent.body = body.toByteArray(SentRequest::kMaxKeptBodyBytes);

    QNetworkAccessManager* nam = managerFor(spec.options.proxy, error);
    if (!nam) {
        return fail(ErrorKind::InvalidRequest, error);
    }

    auto owned = std::make_unique<Call>();
    Call* c = owned.get();
    c->id = id;
    c->record = failed;
    c->record.sentAt = QDateTime::currentDateTimeUtc();
    c->clock.start();
    c->nam = nam;
    c->method = sent.method;
    c->url = url;
    c->headers = headers.lines;
    c->body = body;
    c->hasBody = spec.body.kind != RequestBody::Kind::None;
    c->redirectsLeft = std::max(spec.options.maxRedirects, 0);
    c->ignoreTls = spec.options.ignoreTlsErrors;
    m_calls.emplace(id, std::move(owned));
    startReply(*c);

    const auto startTimer = [&](QTimer& timer, int ms, const QString& message) {
        if (ms <= 0) {
            return;
        }
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, [this, id, message] {
            const auto it = m_calls.find(id);
            if (it != m_calls.end()) {
                abortCall(*it->second, ErrorKind::Timeout, message);
            }
        });
        timer.start(ms);
    };
    startTimer(
        c->connectTimer, spec.options.connectTimeoutMs,
        QStringLiteral("connection to %1 timed out after %2 ms").arg(url.host()).arg(spec.options.connectTimeoutMs));
    startTimer(c->totalTimer, spec.options.totalTimeoutMs,
               QStringLiteral("request timed out after %1 ms").arg(spec.options.totalTimeoutMs));
    return id;
}

void HttpExecutor::startReply(Call& c)
{
    QNetworkRequest request(c.url);
    for (const HttpHeader& h : c.headers) {
        request.setRawHeader(h.name, h.value);
    }
    // We follow redirects ourselves (see followRedirect) so that credentials never travel to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    if (c.method == "HEAD") {
        c.reply = c.nam->head(request);
    } else if (!c.hasBody) {
        c.reply = c.nam->sendCustomRequest(request, c.method);
    } else {
        std::unique_ptr<BodyDevice> device = c.body.openDevice();
        c.reply = c.nam->sendCustomRequest(request, c.method, device.get());
        device.release()->setParent(c.reply); // lives exactly as long as the reply that reads it
    }
    QNetworkReply* reply = c.reply;
    reply->setReadBufferSize(kReadBufferSize);

    const RequestId id = c.id;
    const auto withCall = [this, id](auto handler) {
        return [this, id, handler](auto&&... args) {
            const auto it = m_calls.find(id);
            if (it != m_calls.end()) {
                handler(*it->second, args...);
            }
        };
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, withCall([this](Call& call) { onMetaData(call); }));
    connect(reply, &QNetworkReply::readyRead, this, withCall([this](Call& call) { onReadyRead(call); }));
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    connect(reply, &QNetworkReply::requestSent, this, withCall([](Call& call) { call.connectTimer.stop(); }));
    connect(reply, &QNetworkReply::sslErrors, this, withCall([](Call& call, const QList<QSslError>& errors) {
                call.sslErrors += errors;
                if (call.ignoreTls) {
                    call.reply->ignoreSslErrors();
                }
            }));
    connect(reply, &QNetworkReply::downloadProgress, this, withCall([this](Call& call, qint64 received, qint64 total) {
                emit downloadProgress(call.id, received, total);
            }));
    connect(reply, &QNetworkReply::uploadProgress, this, withCall([this](Call& call, qint64 done, qint64 total) {
                if (done > 0) {
                    call.connectTimer.stop();
                }
                emit uploadProgress(call.id, done, total);
            }));
}

bool HttpExecutor::followRedirect(Call& c)
{
    static constexpr int kRedirectStatuses[] = {301, 302, 303, 307, 308};
    const int status = c.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray location = c.reply->rawHeader("Location");
    if (c.forcedError != ErrorKind::None || location.isEmpty() ||
        std::find(std::begin(kRedirectStatuses), std::end(kRedirectStatuses), status) == std::end(kRedirectStatuses)) {
        return false;
    }
    if (c.redirectsLeft == 0) {
        // With redirects off the 3xx is the response; when they ran out it is an error.
        if (c.record.redirectCount > 0) {
            c.forcedError = ErrorKind::TooManyRedirects;
            c.forcedMessage = QStringLiteral("too many redirects (more than %1)").arg(c.record.redirectCount);
        }
        return false;
    }
    const QUrl next = c.url.resolved(QUrl::fromEncoded(location));
    if (!next.isValid() || (next.scheme() != u"http" && next.scheme() != u"https")) {
        c.forcedError = ErrorKind::Protocol;
        c.forcedMessage = QStringLiteral("invalid redirect location '%1'").arg(QString::fromLatin1(location));
        return false;
    }
    if (c.url.scheme() == u"https" && next.scheme() == u"http") {
        c.forcedError = ErrorKind::Protocol;
        c.forcedMessage = QStringLiteral("refused to follow a redirect from https to http (%1)").arg(next.toString());
        return false;
    }
    // As curl does: credentials go only to the origin they were meant for.
    const bool sameOrigin =
        next.scheme() == c.url.scheme() && next.host() == c.url.host() &&
        next.port(next.scheme() == u"https" ? 443 : 80) == c.url.port(c.url.scheme() == u"https" ? 443 : 80);
    if (!sameOrigin) {
        c.headers.removeIf([](const HttpHeader& h) {
            return h.name.compare("authorization", Qt::CaseInsensitive) == 0 ||
                   h.name.compare("cookie", Qt::CaseInsensitive) == 0;
        });
    }
    // RFC 9110 section 15.4: 303 turns anything but HEAD into GET; 301 and 302 turn POST into GET (as browsers
    // do); 307 and 308 keep the method and the body.
    if ((status == 303 && c.method != "HEAD") || ((status == 301 || status == 302) && c.method == "POST")) {
        c.method = "GET";
        c.hasBody = false;
        c.headers.removeIf(
            [](const HttpHeader& h) { return h.name.compare("content-type", Qt::CaseInsensitive) == 0; });
    }
    c.url = next;
    --c.redirectsLeft;
    ++c.record.redirectCount;
    // The 3xx's own body and state are dropped; the next hop starts afresh (timers keep running).
    c.memory.clear();
    c.file.reset();
    c.record.bodySize = 0;
    c.headersArrived = false;
    c.reply->disconnect(this);
    c.reply->deleteLater();
    startReply(c);
    return true;
}

void HttpExecutor::cancel(RequestId id)
{
    const auto it = m_calls.find(id);
    if (it != m_calls.end()) {
        abortCall(*it->second, ErrorKind::Canceled, QStringLiteral("canceled"));
    }
}

void HttpExecutor::cancelAll()
{
    QList<RequestId> ids;
    for (const auto& [id, call] : m_calls) {
        ids << id;
    }
    for (RequestId id : ids) {
        cancel(id);
    }
}

void HttpExecutor::abortCall(Call& call, ErrorKind kind, const QString& message)
{
    if (call.forcedError == ErrorKind::None) {
        call.forcedError = kind;
        call.forcedMessage = message;
    }
    call.reply->abort(); // emits finished() now, which ends the call
}

void HttpExecutor::onMetaData(Call& call)
{
    const QVariant status = call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || call.headersArrived) {
        return;
    }
    call.headersArrived = true;
    if (call.record.timeToFirstByteMs < 0) {
        call.record.timeToFirstByteMs = elapsedMs(call.clock);
    }
    call.connectTimer.stop();
    const QVariant length = call.reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_streamThreshold) {
        switchToFile(call);
    }
}

bool HttpExecutor::switchToFile(Call& call)
{
    call.file = std::make_unique<QTemporaryFile>(temporaryDirectory() + QStringLiteral("/tokenbench-body-XXXXXX"));
    call.file->setAutoRemove(false); // the ResponseRecord owns it from the end of the request on
    if (!call.file->open() || call.file->write(call.memory) != call.memory.size()) {
        abortCall(call, ErrorKind::File,
                  QStringLiteral("cannot write the response body to a temporary file in %1: %2")
                      .arg(temporaryDirectory(), call.file->errorString()));
        return false;
    }
    call.memory.clear();
    call.memory.squeeze();
    return true;
}

void HttpExecutor::onReadyRead(Call& call)
{
    const QByteArray chunk = call.reply->readAll();
    if (chunk.isEmpty()) {
        return;
    }
    call.record.bodySize += chunk.size();
    if (call.file) {
        if (call.file->write(chunk) != chunk.size()) {
            abortCall(call, ErrorKind::File,
                      QStringLiteral("cannot write the response body: %1").arg(call.file->errorString()));
        }
        return;
    }
    call.memory += chunk;
    if (call.memory.size() > m_streamThreshold) {
        switchToFile(call);
    }
}

void HttpExecutor::onFinished(RequestId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return;
    }
    if (followRedirect(*it->second)) {
        return;
    }
    std::unique_ptr<Call> call = std::move(it->second);
    m_calls.erase(it);
    call->connectTimer.stop();
    call->totalTimer.stop();
    QNetworkReply* reply = call->reply;
    if (call->forcedError == ErrorKind::None) {
        onReadyRead(*call);
    }

    ResponseRecord& r = call->record;
    r.totalMs = elapsedMs(call->clock);
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    r.httpVersion =
        reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? QStringLiteral("2") : QStringLiteral("1.1");
    r.finalUrl = reply->url();
    r.headerSize = QByteArray("HTTP/1.1 000 \r\n\r\n").size() + r.reason.size();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        // Qt joins repeated Set-Cookie lines with '\n': give them back as separate lines.
        const QList<QByteArray> values =
            name.compare("set-cookie", Qt::CaseInsensitive) == 0 ? value.split('\n') : QList<QByteArray>{value};
        for (const QByteArray& v : values) {
            r.headers.append({name, v});
            r.headerSize += name.size() + v.size() + 4;
        }
    }
    if (call->file) {
        call->file->close();
        r.adoptBodyFile(call->file->fileName());
    } else {
        r.body = call->memory;
    }

    const QNetworkReply::NetworkError networkError = reply->error();
    if (call->forcedError != ErrorKind::None) {
        r.error = call->forcedError;
        r.errorMessage = call->forcedMessage;
    } else if (networkError != QNetworkReply::NoError && !(r.status > 0 && isHttpStatusError(networkError))) {
        r.error = classify(networkError, call->headersArrived);
        if (!call->sslErrors.isEmpty() && r.error == ErrorKind::Tls) {
            r.errorMessage = describeSslErrors(call->sslErrors);
        } else if (r.error == ErrorKind::Protocol && networkError == QNetworkReply::RemoteHostClosedError) {
            r.errorMessage = QStringLiteral("the server closed the connection in the middle of the response "
                                            "(after %1 body bytes)")
                                 .arg(r.bodySize);
        } else if (r.error == ErrorKind::Connection) {
            r.errorMessage = QStringLiteral("cannot connect to %1:%2: %3")
                                 .arg(r.finalUrl.host())
                                 .arg(r.finalUrl.port(r.finalUrl.scheme() == u"https" ? 443 : 80))
                                 .arg(reply->errorString());
        } else {
            r.errorMessage = reply->errorString();
        }
    }
    if (r.status == 0 && r.error == ErrorKind::None) {
        r.error = ErrorKind::Protocol;
        r.errorMessage = QStringLiteral("no HTTP response");
    }
    reply->disconnect(this);
    reply->deleteLater();
    emit finished(id, r);
}

} // namespace tb
