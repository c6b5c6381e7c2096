#include "server/oauth/TokenIssuer.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/JsonWriter.h"

namespace tb::server {

std::optional<IssuedTokens> TokenIssuer::issue(qint64 clientPk, qint64 userId, const QString& scope, bool withRefresh)
{
    const qint64 now = m_context.now();
    IssuedTokens tokens;
    tokens.scope = scope;
    tokens.expiresIn = m_context.config.accessTokenTtl;
    qint64 refreshId = 0;
    if (withRefresh) {
        tokens.refreshToken = generateToken();
        const qint64 refreshTtl = m_context.config.refreshTokenTtl;
        refreshId = m_context.store.tokens().insertRefresh(tokenDigest(tokens.refreshToken), clientPk, userId, scope,
                                                           refreshTtl > 0 ? now + refreshTtl : 0, now);
        if (refreshId == 0) {
            return std::nullopt;
        }
    }
    tokens.accessToken = generateToken();
    if (m_context.store.tokens().insertAccess(tokenDigest(tokens.accessToken), clientPk, userId, scope,
                                              now + tokens.expiresIn, refreshId, now) == 0) {
        return std::nullopt;
    }
    return tokens;
}

QByteArray TokenIssuer::responseBody(const IssuedTokens& tokens)
{
    JsonWriter writer(JsonWriter::Style::Python);
    writer.beginObject()
        .field(u"access_token", QString::fromLatin1(tokens.accessToken))
        .field(u"expires_in", tokens.expiresIn)
        .field(u"token_type", u"Bearer")
        .field(u"scope", tokens.scope);
    if (!tokens.refreshToken.isEmpty()) {
        writer.field(u"refresh_token", QString::fromLatin1(tokens.refreshToken));
    }
    return writer.endObject().take();
}

} // namespace tb::server
