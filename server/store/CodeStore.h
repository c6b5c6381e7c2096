#pragma once

#include "server/store/Database.h"
#include "server/store/Records.h"

#include <optional>

namespace tb::server {

// Authorization codes (RFC 6749 section 4.1.2: short-lived, single use), keyed by their SHA-256 digest.
// /o/authorize/ inserts them; the token endpoint redeems them with consume().
class CodeStore
{
public:
    static constexpr qint64 lifetimeSeconds = 60;

    explicit CodeStore(Database& db) : m_db(db) {}

    qint64 insert(const QByteArray& digest, const AuthorizationCodeRecord& code, qint64 now);
    std::optional<AuthorizationCodeRecord> byDigest(const QByteArray& digest);
    // Marks the code used; false if it was already used (a concurrent or repeated redemption).
    bool markUsed(qint64 id);

private:
    Database& m_db;
};

} // namespace tb::server
