#pragma once

#include "server/store/Database.h"
#include "server/store/Records.h"

#include <optional>

namespace tb::server {

// Access and refresh tokens, keyed by the SHA-256 digest of the token (the token itself is never stored).
class TokenStore
{
public:
    explicit TokenStore(Database& db) : m_db(db) {}

    std::optional<AccessTokenRecord> accessByDigest(const QByteArray& digest);
    std::optional<RefreshTokenRecord> refreshByDigest(const QByteArray& digest);
    qint64 insertAccess(const QByteArray& digest, qint64 clientPk, qint64 userId, const QString& scope, qint64 expires,
                        qint64 refreshTokenId, qint64 now);
    qint64 insertRefresh(const QByteArray& digest, qint64 clientPk, qint64 userId, const QString& scope, qint64 expires,
                         qint64 now);
    bool deleteAccess(qint64 id);
    bool deleteAccessOfRefresh(qint64 refreshId);
    bool revokeRefresh(qint64 id, qint64 now);
    // Drops expired access tokens, used codes and expired sessions (housekeeping, not needed for correctness).
    void purgeExpired(qint64 now);

private:
    Database& m_db;
};

} // namespace tb::server
