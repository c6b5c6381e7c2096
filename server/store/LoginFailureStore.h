#pragma once

#include "server/store/Database.h"

namespace tb::server {

// Failed password-grant attempts per username, for the lockout (10 failures in 15 minutes lock the password
// grant for that user for 15 minutes). Kept in the database so a restart does not reset a lockout.
class LoginFailureStore
{
public:
    explicit LoginFailureStore(Database& db) : m_db(db) {}

    void record(const QString& username, qint64 now);
    int countSince(const QString& username, qint64 since);
    // The time of the n-th most recent failure (1 = latest), 0 if there are fewer.
    qint64 nthLatest(const QString& username, int n);
    void clear(const QString& username);

private:
    Database& m_db;
};

} // namespace tb::server
