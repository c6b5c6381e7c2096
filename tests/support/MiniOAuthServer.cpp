#include "support/MiniOAuthServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

namespace tb::test {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse json(const QJsonObject& body, Status status = Status::Ok)
{
    QHttpServerResponse r("application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), status);
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Pragma", "no-cache");
    return r;
}

QHttpServerResponse oauthError(const QString& error, const QString& description = {},
                               Status status = Status::BadRequest)
{
    QJsonObject body{{QStringLiteral("error"), error}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("error_description"), description);
    QHttpServerResponse r = json(body, status);
    if (status == Status::Unauthorized)
        r.setHeader("WWW-Authenticate", "Bearer error=\"" + error.toLatin1() + "\"");
    return r;
}

// Form fields, '+' as space (application/x-www-form-urlencoded).
QHash<QString, QString> form(const QByteArray& body)
{
    QHash<QString, QString> fields;
    for (const QByteArray& pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        QByteArray name = pair.left(eq);
        QByteArray value = pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        fields.insert(QUrl::fromPercentEncoding(name), QUrl::fromPercentEncoding(value));
    }
    return fields;
}

// The authenticated client id, or empty. Basic (form-urlencoded parts) or body credentials.
QString authenticate(const QHttpServerRequest& request, const QHash<QString, QString>& fields, bool allowPublic)
{
    const QByteArray authorization = request.value("Authorization");
    QString id;
    QString secret;
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6));
        const qsizetype colon = decoded.indexOf(':');
        id = QUrl::fromPercentEncoding(decoded.left(colon));
        secret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
    } else {
        id = fields.value(QStringLiteral("client_id"));
        secret = fields.value(QStringLiteral("client_secret"));
    }
    if (id == QLatin1String(MiniOAuthServer::clientId) && secret == QLatin1String(MiniOAuthServer::clientSecret))
        return id;
    if (allowPublic && id == QLatin1String(MiniOAuthServer::publicClientId) && secret.isEmpty())
        return id;
    return {};
}

} // namespace

MiniOAuthServer::MiniOAuthServer(QObject* parent) : QObject(parent), m_server(std::make_unique<QHttpServer>())
{
    m_server->route(
        QStringLiteral("/o/token/"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest& request) {
            const auto fields = form(request.body());
            tokenRequestBodies << request.body();
            const QString grant = fields.value(QStringLiteral("grant_type"));
            grantCounts[grant] += 1;
            const QString client = authenticate(request, fields, true);
            if (client.isEmpty())
                return oauthError(QStringLiteral("invalid_client"), {}, Status::Unauthorized);
            const QString scope = fields.value(QStringLiteral("scope"), QStringLiteral("read write"));
            if (grant == u"password") {
                if (fields.value(QStringLiteral("username")) != QLatin1String(username) ||
                    fields.value(QStringLiteral("password")) != QLatin1String(password))
                    return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("Invalid credentials given."));
                return json(QJsonDocument::fromJson(issue(client, scope, true)).object());
            }
            if (grant == u"client_credentials")
                return json(QJsonDocument::fromJson(issue(client, scope, false)).object());
            if (grant == u"refresh_token") {
                const QString old = fields.value(QStringLiteral("refresh_token"));
                if (!m_refresh.contains(old))
                    return oauthError(QStringLiteral("invalid_grant"));
                const QString oldScope = m_refresh.value(old);
                if (rotateRefreshTokens)
                    m_refresh.remove(old);
                m_access.clear(); // DOT: the old access token stops working at once
                return json(QJsonDocument::fromJson(issue(client, oldScope, rotateRefreshTokens)).object());
            }
            if (grant == u"authorization_code") {
                const QString code = fields.value(QStringLiteral("code"));
                const auto it = m_codes.find(code);
                if (it == m_codes.end())
                    return oauthError(QStringLiteral("invalid_grant"));
                const Code c = *it;
                m_codes.erase(it);
                const QByteArray verifier = fields.value(QStringLiteral("code_verifier")).toLatin1();
                const QString expected =
                    QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
                if (verifier.isEmpty() || expected != c.challenge ||
                    fields.value(QStringLiteral("redirect_uri")) != c.redirectUri)
                    return oauthError(QStringLiteral("invalid_grant"));
                return json(QJsonDocument::fromJson(issue(client, c.scope, true)).object());
            }
            return oauthError(QStringLiteral("unsupported_grant_type"));
        });
    m_server->route(QStringLiteral("/o/authorize/"), QHttpServerRequest::Method::Get,
                    [this](const QHttpServerRequest& request) {
                        const QUrlQuery q(request.url());
                        const QString redirect = q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
                        const QString state = q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
                        QByteArray location = redirect.toUtf8() + "?";
                        if (q.queryItemValue(QStringLiteral("code_challenge_method")) != u"S256") {
                            location += "error=access_denied";
                        } else {
                            QString code = newToken(20);
                            code.insert(5, QStringLiteral("/+")); // must survive the redirect and the POST
                            m_codes.insert(code, Code{q.queryItemValue(QStringLiteral("code_challenge")), redirect,
                                                      q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)});
                            location += "code=" + QUrl::toPercentEncoding(code);
                        }
                        location += "&state=" + QUrl::toPercentEncoding(state);
                        QHttpServerResponse r(Status::Found);
                        r.setHeader("Location", location);
                        return r;
                    });
    m_server->route(QStringLiteral("/o/revoke_token/"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest& request) {
                        const auto fields = form(request.body());
                        if (authenticate(request, fields, true).isEmpty())
                            return oauthError(QStringLiteral("invalid_client"), {}, Status::Unauthorized);
                        ++revocations;
                        const QString token = fields.value(QStringLiteral("token"));
                        m_access.remove(token);
                        m_refresh.remove(token);
                        return QHttpServerResponse("text/html; charset=utf-8", QByteArray(), Status::Ok);
                    });
    m_server->route(QStringLiteral("/o/introspect/"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest& request) {
                        const auto fields = form(request.body());
                        if (authenticate(request, fields, false).isEmpty())
                            return QHttpServerResponse("text/html; charset=utf-8", QByteArray(), Status::Forbidden);
                        const QString token = fields.value(QStringLiteral("token"));
                        if (!m_access.contains(token))
                            return json(QJsonObject{{QStringLiteral("active"), false}});
                        return json(QJsonObject{{QStringLiteral("active"), true},
                                                {QStringLiteral("scope"), m_access.value(token)},
                                                {QStringLiteral("client_id"), QLatin1String(clientId)}});
                    });
    m_server->route(QStringLiteral("/.well-known/oauth-authorization-server"), QHttpServerRequest::Method::Get, [this] {
        return json(QJsonObject{
            {QStringLiteral("issuer"), issuer()},
            {QStringLiteral("token_endpoint"), url(QStringLiteral("/o/token/"))},
            {QStringLiteral("authorization_endpoint"), url(QStringLiteral("/o/authorize/"))},
            {QStringLiteral("revocation_endpoint"), url(QStringLiteral("/o/revoke_token/"))},
            {QStringLiteral("introspection_endpoint"), url(QStringLiteral("/o/introspect/"))},
        });
    });
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
}

MiniOAuthServer::~MiniOAuthServer() = default;

QString MiniOAuthServer::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QString MiniOAuthServer::newToken(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString token;
    for (int i = 0; i < length; ++i)
        token += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return token;
}

QByteArray MiniOAuthServer::issue(const QString& client, const QString& scope, bool withRefresh)
{
    Q_UNUSED(client)
    const QString access = newToken();
    m_access.insert(access, scope);
    m_issued.insert(access);
    QJsonObject body{{QStringLiteral("access_token"), access},
                     {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("scope"), scope}};
    body.insert(QStringLiteral("expires_in"),
                expiresInAsString ? QJsonValue(QString::number(expiresIn)) : QJsonValue(expiresIn));
    if (withRefresh) {
        const QString refresh = newToken();
        m_refresh.insert(refresh, scope);
        m_issued.insert(refresh);
        body.insert(QStringLiteral("refresh_token"), refresh);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace tb::test
