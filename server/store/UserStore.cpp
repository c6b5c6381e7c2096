#include "server/store/UserStore.h"

#include <QVariant>

namespace tb::server {

namespace {

const QString kColumns = QStringLiteral("id, username, email, first_name, last_name, password, is_active");

UserRecord readUser(const QSqlQuery& q)
{
    UserRecord user;
    user.id = q.value(0).toLongLong();
    user.username = q.value(1).toString();
    user.email = q.value(2).toString();
    user.firstName = q.value(3).toString();
    user.lastName = q.value(4).toString();
    user.passwordHash = q.value(5).toByteArray();
    user.active = q.value(6).toInt() != 0;
    return user;
}

// Binds the writable columns in the order INSERT and UPDATE name them (parameters 0 to 5).
void bindColumns(QSqlQuery& q, const UserRecord& user)
{
    q.bindValue(0, Database::text(user.username));
    q.bindValue(1, Database::text(user.email));
    q.bindValue(2, Database::text(user.firstName));
    q.bindValue(3, Database::text(user.lastName));
    q.bindValue(4, QString::fromLatin1(user.passwordHash));
    q.bindValue(5, user.active ? 1 : 0);
}

// The four filter combinations get their own statement each, so every one stays a prepared statement.
QString filterClause(const QString& username, const QString& email)
{
    if (!username.isEmpty() && !email.isEmpty()) {
        return QStringLiteral(" WHERE username = ? AND email = ?");
    }
    if (!username.isEmpty()) {
        return QStringLiteral(" WHERE username = ?");
    }
    if (!email.isEmpty()) {
        return QStringLiteral(" WHERE email = ?");
    }
    return {};
}

int bindFilters(QSqlQuery& q, const QString& username, const QString& email)
{
    int index = 0;
    if (!username.isEmpty()) {
        q.bindValue(index++, username);
    }
    if (!email.isEmpty()) {
        q.bindValue(index++, email);
    }
    return index;
}

} // namespace

std::optional<UserRecord> UserStore::byId(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kColumns));
    q.bindValue(0, id);
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    return readUser(q);
}

std::optional<UserRecord> UserStore::byUsername(const QString& username)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM users WHERE username = ?").arg(kColumns));
    q.bindValue(0, username);
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    return readUser(q);
}

QList<UserRecord> UserStore::list(const QString& username, const QString& email, qint64 offset, qint64 limit)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM users%2 ORDER BY id LIMIT ? OFFSET ?")
                                     .arg(kColumns, filterClause(username, email)));
    int index = bindFilters(q, username, email);
    q.bindValue(index++, limit);
    q.bindValue(index, offset);
    QList<UserRecord> users;
    if (!Database::exec(q)) {
        return users;
    }
    while (q.next()) {
        users.append(readUser(q));
    }
    return users;
}

qint64 UserStore::count(const QString& username, const QString& email)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM users%1").arg(filterClause(username, email)));
    bindFilters(q, username, email);
    if (!Database::exec(q) || !q.next()) {
        return 0;
    }
    return q.value(0).toLongLong();
}

qint64 UserStore::insert(const UserRecord& user, qint64 now)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO users (username, email, first_name, last_name, password, is_active, date_joined) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bindColumns(q, user);
    q.bindValue(6, now);
    ++m_writes;
    return Database::insertReturningId(q);
}

bool UserStore::update(const UserRecord& user)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("UPDATE users SET username = ?, email = ?, first_name = ?, "
                                                "last_name = ?, password = ?, is_active = ? WHERE id = ?"));
    bindColumns(q, user);
    q.bindValue(6, user.id);
    ++m_writes;
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool UserStore::remove(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM users WHERE id = ?"));
    q.bindValue(0, id);
    ++m_writes;
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool UserStore::usernameTaken(const QString& username, qint64 exceptId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT 1 FROM users WHERE username = ? AND id <> ?"));
    q.bindValue(0, username);
    q.bindValue(1, exceptId);
    return Database::exec(q) && q.next();
}

} // namespace tb::server
