#include "auth/OAuthClient.h"

#include "core/Clock.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrl>

namespace tb {

namespace {

QByteArray formEncode(const OAuthClient::Params& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

OAuthError configError(const QString& what)
{
    return OAuthError::make(OAuthError::Kind::Config, QStringLiteral("configuration"), what);
}

std::optional<QUrl> endpointUrl(const QString& text, const QString& what, OAuthError* error)
{
    const QUrl url(text.trimmed());
    if (text.trimmed().isEmpty() || !url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        *error = configError(text.trimmed().isEmpty()
                                 ? QStringLiteral("no %1 URL (set it, or an issuer to discover it from)").arg(what)
                                 : QStringLiteral("the %1 URL \"%2\" is not a valid http(s) URL").arg(what, text));
        return std::nullopt;
    }
    return url;
}

// Calls done(answer) when `reply` finishes; the reply is deleted afterwards.
void collect(QNetworkReply* reply, QObject* context, OAuthClient::AnswerCallback done)
{
    const bool guarded = context != nullptr;
    QPointer<QObject> guard(context);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, guarded, guard, done = std::move(done)] {
        reply->deleteLater();
        OAuthClient::Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString().toLatin1();
        answer.body = reply->readAll();
        if (answer.status == 0) {
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
            answer.networkError = OAuthError::make(
                timedOut ? OAuthError::Kind::Timeout : OAuthError::Kind::Network, QStringLiteral("network"),
                QStringLiteral("%1: %2").arg(reply->url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                                             timedOut ? QStringLiteral("no answer in time") : reply->errorString()));
        } else if (answer.status >= 300 && answer.status < 400) {
            const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
            answer.networkError = OAuthError::make(
                OAuthError::Kind::Http, QStringLiteral("redirect"),
                QStringLiteral("%1 redirected to %2; use that URL instead (a POST body does not survive a redirect)")
                    .arg(reply->url().toString(QUrl::RemoveQuery), reply->url().resolved(location).toString()),
                answer.status);
        }
        if (done && (!guarded || guard))
            done(answer);
    });
}

} // namespace

OAuthClient::OAuthClient(QNetworkAccessManager* network, Clock* clock, QObject* parent)
    : QObject(parent), m_network(network), m_clock(clock)
{}

OAuthClient::~OAuthClient() = default;

void OAuthClient::postForm(const QString& url, Params fields, const OAuthProfile& profile, const QString& clientSecret,
                           QObject* context, AnswerCallback done)
{
    OAuthError error;
    const auto endpoint = endpointUrl(url, QStringLiteral("endpoint"), &error);
    if (!endpoint) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done, error] {
                if (guard)
                    done(Answer{0, {}, {}, error});
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(*endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(requestTimeoutMs);
    if (!clientSecret.isEmpty() && profile.clientAuth == OAuthProfile::ClientAuth::Basic) {
        const QByteArray credentials =
            QUrl::toPercentEncoding(profile.clientId) + ':' + QUrl::toPercentEncoding(clientSecret);
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    } else {
        fields.append({QStringLiteral("client_id"), profile.clientId});
        if (!clientSecret.isEmpty())
            fields.append({QStringLiteral("client_secret"), clientSecret});
    }
    collect(m_network->post(request, formEncode(fields)), context, std::move(done));
}

void OAuthClient::getJson(const QString& url, QObject* context, JsonCallback done)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(requestTimeoutMs);
    collect(m_network->get(request), context, [done = std::move(done)](const Answer& answer) {
        if (answer.networkError)
            return done({}, answer.networkError);
        if (answer.status != 200)
            return done({}, TokenResponse::parseError(answer.status, answer.contentType, answer.body));
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return done({}, OAuthError::make(OAuthError::Kind::Protocol, QStringLiteral("invalid_response"),
                                             QStringLiteral("the answer is not a JSON object"), answer.status));
        done(doc.object(), std::nullopt);
    });
}

void OAuthClient::requestToken(const OAuthProfile& profile, const QString& clientSecret, Params grantFields,
                               const QString& requestedScope, QObject* context, TokenCallback done)
{
    grantFields.append(profile.tokenParams);
    postForm(
        profile.tokenUrl, std::move(grantFields), profile, clientSecret, context,
        [this, requestedScope, done = std::move(done)](const Answer& answer) {
            if (answer.networkError)
                return done(TokenResult::failure(*answer.networkError));
            done(TokenResponse::parse(answer.status, answer.contentType, answer.body, requestedScope, m_clock->now()));
        });
}

void OAuthClient::passwordGrant(const OAuthProfile& profile, const QString& clientSecret, const QString& password,
                                QObject* context, TokenCallback done)
{
    Params fields{{QStringLiteral("grant_type"), QStringLiteral("password")},
                  {QStringLiteral("username"), profile.username},
                  {QStringLiteral("password"), password}};
    if (!profile.scope.isEmpty())
        fields.append({QStringLiteral("scope"), profile.scope});
    requestToken(profile, clientSecret, std::move(fields), profile.scope, context, std::move(done));
}

void OAuthClient::clientCredentialsGrant(const OAuthProfile& profile, const QString& clientSecret, QObject* context,
                                         TokenCallback done)
{
    Params fields{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    if (!profile.scope.isEmpty())
        fields.append({QStringLiteral("scope"), profile.scope});
    requestToken(profile, clientSecret, std::move(fields), profile.scope, context, std::move(done));
}

void OAuthClient::refresh(const OAuthProfile& profile, const QString& clientSecret, const TokenSet& previous,
                          QObject* context, TokenCallback done)
{
    Params fields{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                  {QStringLiteral("refresh_token"), previous.refreshToken}};
    // The refresh request carries refreshParams instead of tokenParams.
    OAuthProfile forRefresh = profile;
    forRefresh.tokenParams = profile.refreshParams;
    const QString scope = previous.scope.isEmpty() ? profile.scope : previous.scope;
    requestToken(forRefresh, clientSecret, std::move(fields), scope, context,
                 [previous, done = std::move(done)](const TokenResult& result) {
                     TokenResult merged = result;
                     // RFC 6749 6: the server MAY issue a new refresh token; without one the old one stays valid.
                     if (merged.ok() && merged.tokens.refreshToken.isEmpty())
                         merged.tokens.refreshToken = previous.refreshToken;
                     if (merged.ok() && merged.tokens.idToken.isEmpty())
                         merged.tokens.idToken = previous.idToken;
                     done(merged);
                 });
}

void OAuthClient::exchangeCode(const OAuthProfile& profile, const QString& clientSecret, const QString& code,
                               const QString& redirectUri, const QByteArray& codeVerifier, QObject* context,
                               TokenCallback done)
{
    Params fields{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("redirect_uri"), redirectUri},
                  {QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier)}};
    requestToken(profile, clientSecret, std::move(fields), profile.scope, context, std::move(done));
}

void OAuthClient::revoke(const OAuthProfile& profile, const QString& clientSecret, const QString& token,
                         const QString& tokenTypeHint, QObject* context, DoneCallback done)
{
    Params fields{{QStringLiteral("token"), token}};
    if (!tokenTypeHint.isEmpty())
        fields.append({QStringLiteral("token_type_hint"), tokenTypeHint});
    postForm(profile.revocationUrl, std::move(fields), profile, clientSecret, context,
             [done = std::move(done)](const Answer& answer) {
                 if (answer.networkError)
                     return done(answer.networkError);
                 if (answer.status == 200)
                     return done(std::nullopt);
                 done(TokenResponse::parseError(answer.status, answer.contentType, answer.body));
             });
}

void OAuthClient::introspect(const OAuthProfile& profile, const QString& clientSecret, const QString& token,
                             QObject* context, JsonCallback done)
{
    postForm(profile.introspectionUrl, {{QStringLiteral("token"), token}}, profile, clientSecret, context,
             [done = std::move(done)](const Answer& answer) {
                 if (answer.networkError)
                     return done({}, answer.networkError);
                 const QJsonDocument doc = QJsonDocument::fromJson(answer.body);
                 if (answer.status != 200 || !doc.isObject())
                     return done({}, TokenResponse::parseError(answer.status, answer.contentType, answer.body));
                 done(doc.object(), std::nullopt);
             });
}

} // namespace tb
