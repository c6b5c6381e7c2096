#include "server/store/LoginFailureStore.h"

#include <QVariant>

namespace tb::server {

void LoginFailureStore::record(const QString& username, qint64 now)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("INSERT INTO login_failures (username, failed_at) VALUES (?, ?)"));
    q.bindValue(0, username);
    q.bindValue(1, now);
    Database::exec(q);
}

int LoginFailureStore::countSince(const QString& username, qint64 since)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE username = ? AND failed_at >= ?"));
    q.bindValue(0, username);
    q.bindValue(1, since);
    if (!Database::exec(q) || !q.next()) {
        return 0;
    }
    return q.value(0).toInt();
}

qint64 LoginFailureStore::nthLatest(const QString& username, int n)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT failed_at FROM login_failures WHERE username = ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?"));
    q.bindValue(0, username);
    q.bindValue(1, n - 1);
    if (!Database::exec(q) || !q.next()) {
        return 0;
    }
    return q.value(0).toLongLong();
}

void LoginFailureStore::clear(const QString& username)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM login_failures WHERE username = ?"));
    q.bindValue(0, username);
    Database::exec(q);
}

} // namespace tb::server
