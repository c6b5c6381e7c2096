#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/ClientAuthenticator.h"
#include "server/oauth/DeviceCodeGrant.h"
#include "server/oauth/TokenIssuer.h"

namespace tb::server {

// POST /o/token/ (RFC 6749 section 3.2) with oauthlib's checks in oauthlib's order, so every error a client
// can provoke has the peer's status and body:
//
//   password            client auth -> username/password present -> lockout -> PBKDF2 -> grant allowed -> scope
//   client_credentials  client auth (secret required) -> grant allowed -> scope
//   refresh_token       refresh_token present -> client auth -> token valid, same client -> scope narrows
//                       -> rotate: old refresh revoked, old access deleted, new pair (RFC 6749 section 6)
//   authorization_code  code present -> client auth -> grant allowed -> code valid -> PKCE (RFC 7636 section
//                       4.6) -> redirect_uri matches -> code spent -> tokens
class TokenEndpoint
{
public:
    explicit TokenEndpoint(ServerContext& context);

    void handle(const HttpRequest& request, Responder respond);

    // 10 failures within 15 minutes lock a user's password grant for 15 minutes.
    static constexpr int lockoutFailures = 10;
    static constexpr qint64 lockoutWindowSeconds = 15 * 60;

private:
    void passwordGrant(const HttpRequest& request, const FormData& form, Responder respond);
    void clientCredentialsGrant(const HttpRequest& request, const FormData& form, Responder respond);
    void refreshTokenGrant(const HttpRequest& request, const FormData& form, Responder respond);
    void authorizationCodeGrant(const HttpRequest& request, const FormData& form, Responder respond);
    void finishPassword(const ClientRecord& client, const QString& username, const FormData& form, bool verified,
                        Responder respond);

    // The scope to grant: the requested one (each scope must be in 'allowed'; echoed in the requested order), or
    // 'fallback' when the request names none. Empty optional: invalid_scope.
    std::optional<QString> resolveScope(const FormData& form, const QStringList& allowed,
                                        const QString& fallback) const;
    HttpResponse issue(qint64 clientPk, qint64 userId, const QString& scope, bool withRefresh);
    // How the password and client_credentials grants end: the client must be allowed the grant, and the scope
    // is the requested one or every configured scope.
    HttpResponse issueForGrant(const ClientRecord& client, const QString& grant, const FormData& form, qint64 userId,
                               bool withRefresh);
    // Issues a token pair inside the transaction the caller opened, then commits (or rolls back on failure).
    HttpResponse issueAndCommit(qint64 clientPk, qint64 userId, const QString& scope);

    ServerContext& m_context;
    ClientAuthenticator m_clientAuth;
    TokenIssuer m_issuer;
    DeviceCodeGrant m_deviceCodeGrant;
};

} // namespace tb::server
