#pragma once

#include "server/ServerContext.h"

#include <optional>

namespace tb::server {

struct IssuedTokens
{
    QByteArray accessToken;
    QByteArray refreshToken; // empty when none was issued (client_credentials)
    QString scope;
    qint64 expiresIn = 0;
};

// Creates bearer tokens (and refresh tokens) in the store and renders oauthlib's success body:
// {"access_token": ..., "expires_in": ..., "token_type": "Bearer", "scope": ..., "refresh_token": ...}
class TokenIssuer
{
public:
    explicit TokenIssuer(ServerContext& context) : m_context(context) {}

    // Call inside a transaction when it belongs with other writes (refresh rotation, code redemption).
    std::optional<IssuedTokens> issue(qint64 clientPk, qint64 userId, const QString& scope, bool withRefresh);
    static QByteArray responseBody(const IssuedTokens& tokens);

private:
    ServerContext& m_context;
};

} // namespace tb::server
