#include "server/oauth/TokenEndpoint.h"

#include "server/crypto/TokenCrypto.h"
#include "server/oauth/OAuthResponse.h"
#include "server/oauth/Pkce.h"

namespace tb::server {

namespace {

bool allowsGrant(const ClientRecord& client, const QString& grant)
{
    return client.grantTypes.contains(grant);
}

// Refresh is open to every client that can hold a refresh token (DOT maps refresh_token to the code,
// password and client-credentials application types).
bool allowsRefresh(const ClientRecord& client)
{
    return allowsGrant(client, QStringLiteral("refresh_token")) || allowsGrant(client, QStringLiteral("password")) ||
           allowsGrant(client, QStringLiteral("authorization_code"));
}

} // namespace

TokenEndpoint::TokenEndpoint(ServerContext& context)
    : m_context(context), m_clientAuth(context), m_issuer(context), m_deviceCodeGrant(context)
{}

void TokenEndpoint::handle(const HttpRequest& request, Responder respond)
{
    if (auto refusal = OAuthResponse::checkPostOnly(request)) {
        respond(std::move(*refusal));
        return;
    }
    const FormData form = FormData::fromRequestBody(request);
    const QString grantType = form.value(u"grant_type");
    if (grantType == u"password") {
        passwordGrant(request, form, std::move(respond));
    } else if (grantType == u"client_credentials") {
        clientCredentialsGrant(request, form, std::move(respond));
    } else if (grantType == u"refresh_token") {
        refreshTokenGrant(request, form, std::move(respond));
    } else if (grantType == u"authorization_code") {
        authorizationCodeGrant(request, form, std::move(respond));
    } else if (grantType == DeviceCodeGrant::grantType()) {
        m_deviceCodeGrant.handle(request, form, std::move(respond));
    } else {
        respond(OAuthResponse::error(QStringLiteral("unsupported_grant_type")));
    }
}

std::optional<QString> TokenEndpoint::resolveScope(const FormData& form, const QStringList& allowed,
                                                   const QString& fallback) const
{
    if (!form.contains(u"scope")) {
        return fallback;
    }
    const QString requested = form.value(u"scope").trimmed();
    const QStringList scopes = requested.split(u' ');
    for (const QString& scope : scopes) {
        if (scope.isEmpty() || !allowed.contains(scope)) {
            return std::nullopt;
        }
    }
    return scopes.join(u' ');
}

HttpResponse TokenEndpoint::issue(qint64 clientPk, qint64 userId, const QString& scope, bool withRefresh)
{
    const std::optional<IssuedTokens> tokens = m_issuer.issue(clientPk, userId, scope, withRefresh);
    if (!tokens) {
        return OAuthResponse::json(500, QByteArrayLiteral("{\"error\": \"server_error\"}"));
    }
    return OAuthResponse::json(200, TokenIssuer::responseBody(*tokens));
}

HttpResponse TokenEndpoint::issueForGrant(const ClientRecord& client, const QString& grant, const FormData& form,
                                          qint64 userId, bool withRefresh)
{
    if (!allowsGrant(client, grant)) {
        return OAuthResponse::error(QStringLiteral("unauthorized_client"));
    }
    const auto scope = resolveScope(form, m_context.config.scopes, m_context.config.scopes.join(u' '));
    if (!scope) {
        return OAuthResponse::error(QStringLiteral("invalid_scope"));
    }
    return issue(client.id, userId, *scope, withRefresh);
}

HttpResponse TokenEndpoint::issueAndCommit(qint64 clientPk, qint64 userId, const QString& scope)
{
    Database& db = m_context.store.database();
    HttpResponse response = issue(clientPk, userId, scope, true);
    if (response.status == 200 && db.commit()) {
        return response;
    }
    db.rollback();
    return OAuthResponse::json(500, QByteArrayLiteral("{\"error\": \"server_error\"}"));
}

void TokenEndpoint::passwordGrant(const HttpRequest& request, const FormData& form, Responder respond)
{
    m_clientAuth.authenticate(request, form, true, [this, form, respond](ClientAuthenticator::Result result) {
        if (!result.client) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        for (const char16_t* param : {u"username", u"password"}) {
            if (form.value(param).isEmpty()) {
                respond(OAuthResponse::error(
                    QStringLiteral("invalid_request"),
                    QStringLiteral("Request is missing %1 parameter.").arg(QString::fromUtf16(param))));
                return;
            }
        }
        const QString username = form.value(u"username");
        const qint64 now = m_context.now();
        if (m_context.store.loginFailures().countSince(username, now - lockoutWindowSeconds) >= lockoutFailures) {
            respond(OAuthResponse::error(
                QStringLiteral("invalid_grant"),
                QStringLiteral("Too many failed login attempts for this user: the password grant is locked for 15 "
                               "minutes.")));
            return;
        }
        const std::optional<UserRecord> user = m_context.store.users().byUsername(username);
        // Unknown and inactive users cost a full PBKDF2 as well, so timing does not reveal which usernames exist.
        const QByteArray hash = user && user->active
                                    ? user->passwordHash
                                    : QByteArrayLiteral("pbkdf2_sha256$") +
                                          QByteArray::number(m_context.config.passwordIterations) +
                                          QByteArrayLiteral("$timing$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        const ClientRecord client = *result.client;
        m_context.verifier.verify(hash, form.value(u"password").toUtf8(),
                                  [this, client, username, form, respond, known = user && user->active](bool ok) {
                                      finishPassword(client, username, form, ok && known, respond);
                                  });
    });
}

void TokenEndpoint::finishPassword(const ClientRecord& client, const QString& username, const FormData& form,
                                   bool verified, Responder respond)
{
    const qint64 now = m_context.now();
    const std::optional<UserRecord> user = verified ? m_context.store.users().byUsername(username) : std::nullopt;
    if (!user) {
        m_context.store.loginFailures().record(username, now);
        respond(OAuthResponse::error(QStringLiteral("invalid_grant"), QStringLiteral("Invalid credentials given.")));
        return;
    }
    m_context.store.loginFailures().clear(username);
    respond(issueForGrant(client, QStringLiteral("password"), form, user->id, allowsRefresh(client)));
}

void TokenEndpoint::clientCredentialsGrant(const HttpRequest& request, const FormData& form, Responder respond)
{
    m_clientAuth.authenticate(request, form, false, [this, form, respond](ClientAuthenticator::Result result) {
        if (!result.client || !result.authenticated) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        respond(issueForGrant(*result.client, QStringLiteral("client_credentials"), form, 0, false));
    });
}

void TokenEndpoint::refreshTokenGrant(const HttpRequest& request, const FormData& form, Responder respond)
{
    if (!form.contains(u"refresh_token")) {
        respond(OAuthResponse::error(QStringLiteral("invalid_request"),
                                     QStringLiteral("Missing refresh token parameter.")));
        return;
    }
    m_clientAuth.authenticate(request, form, true, [this, form, respond](ClientAuthenticator::Result result) {
        if (!result.client) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        const qint64 now = m_context.now();
        TokenStore& tokens = m_context.store.tokens();
        const auto refresh = tokens.refreshByDigest(tokenDigest(form.value(u"refresh_token").toUtf8()));
        // A refresh token whose access token was revoked is dead too (DOT 1.7 answers 500 here).
        if (!refresh || refresh->revoked != 0 || refresh->clientPk != result.client->id ||
            (refresh->expires != 0 && refresh->expires <= now) || refresh->accessTokenId == 0) {
            respond(OAuthResponse::error(QStringLiteral("invalid_grant")));
            return;
        }
        const auto scope = resolveScope(form, refresh->scope.split(u' '), refresh->scope);
        if (!scope) {
            respond(OAuthResponse::error(QStringLiteral("invalid_scope")));
            return;
        }
        Database& db = m_context.store.database();
        db.transaction();
        // revokeRefresh only succeeds once, so two concurrent refreshes cannot both rotate the same token.
        if (!tokens.revokeRefresh(refresh->id, now)) {
            db.rollback();
            respond(OAuthResponse::error(QStringLiteral("invalid_grant")));
            return;
        }
        tokens.deleteAccessOfRefresh(refresh->id);
        respond(issueAndCommit(result.client->id, refresh->userId, *scope));
    });
}

void TokenEndpoint::authorizationCodeGrant(const HttpRequest& request, const FormData& form, Responder respond)
{
    if (!form.contains(u"code")) {
        respond(OAuthResponse::error(QStringLiteral("invalid_request"), QStringLiteral("Missing code parameter.")));
        return;
    }
    m_clientAuth.authenticate(request, form, true, [this, form, respond](ClientAuthenticator::Result result) {
        if (!result.client) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        const ClientRecord& client = *result.client;
        if (!allowsGrant(client, QStringLiteral("authorization_code"))) {
            respond(OAuthResponse::error(QStringLiteral("unauthorized_client")));
            return;
        }
        const qint64 now = m_context.now();
        CodeStore& codes = m_context.store.codes();
        const auto code = codes.byDigest(tokenDigest(form.value(u"code").toUtf8()));
        if (!code || code->used || code->clientPk != client.id || code->expires <= now) {
            respond(OAuthResponse::error(QStringLiteral("invalid_grant")));
            return;
        }
        if (!code->codeChallenge.isEmpty()) {
            if (!form.contains(u"code_verifier")) {
                respond(
                    OAuthResponse::error(QStringLiteral("invalid_request"), QStringLiteral("Code verifier required.")));
                return;
            }
            if (!Pkce::verify(code->codeChallenge, code->codeChallengeMethod, form.value(u"code_verifier"))) {
                respond(OAuthResponse::error(QStringLiteral("invalid_grant")));
                return;
            }
        }
        const QString redirectUri = form.contains(u"redirect_uri")
                                        ? form.value(u"redirect_uri")
                                        : (client.redirectUris.isEmpty() ? QString() : client.redirectUris.first());
        if (redirectUri.isEmpty()) {
            respond(OAuthResponse::error(QStringLiteral("invalid_request"), QStringLiteral("Missing redirect URI.")));
            return;
        }
        if (!code->redirectUri.isEmpty() && redirectUri != code->redirectUri) {
            respond(
                OAuthResponse::error(QStringLiteral("invalid_request"), QStringLiteral("Mismatching redirect URI.")));
            return;
        }
        Database& db = m_context.store.database();
        db.transaction();
        if (!codes.markUsed(code->id)) {
            db.rollback();
            respond(OAuthResponse::error(QStringLiteral("invalid_grant")));
            return;
        }
        respond(issueAndCommit(client.id, code->userId, code->scope));
    });
}

} // namespace tb::server
