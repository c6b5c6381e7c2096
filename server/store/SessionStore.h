#pragma once

#include "server/store/Database.h"

namespace tb::server {

// Browser sessions of /accounts/login/ (Django's django_session), keyed by the SHA-256 digest of the session
// cookie: a stolen database does not yield live cookies.
class SessionStore
{
public:
    explicit SessionStore(Database& db) : m_db(db) {}

    bool insert(const QByteArray& digest, qint64 userId, qint64 expires);
    // The session's user, 0 when there is no such session or it has expired.
    qint64 userFor(const QByteArray& digest, qint64 now);
    void remove(const QByteArray& digest);
    void removeExpired(qint64 now);

private:
    Database& m_db;
};

} // namespace tb::server
