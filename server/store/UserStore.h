#pragma once

#include "server/store/Database.h"
#include "server/store/Records.h"

#include <QList>

#include <optional>

namespace tb::server {

class UserStore
{
public:
    explicit UserStore(Database& db) : m_db(db) {}

    std::optional<UserRecord> byId(qint64 id);
    std::optional<UserRecord> byUsername(const QString& username);
    // Exact filters (empty = no filter), in id order, as Django's unordered queryset comes out of SQLite.
    QList<UserRecord> list(const QString& username, const QString& email, qint64 offset, qint64 limit);
    qint64 count(const QString& username, const QString& email);
    // Returns the new id, 0 on failure (for example a duplicate username).
    qint64 insert(const UserRecord& user, qint64 now);
    bool update(const UserRecord& user);
    bool remove(qint64 id);
    bool usernameTaken(const QString& username, qint64 exceptId);
    // Changes whenever a user may have changed: a write through this store, or a commit by another
    // connection. Equal versions mean equal user data, so rendered pages can be reused.
    std::pair<quint64, quint64> version() { return {m_writes, m_db.externalChangeCount()}; }

private:
    Database& m_db;
    quint64 m_writes = 0;
};

} // namespace tb::server
