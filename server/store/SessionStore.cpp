#include "server/store/SessionStore.h"

#include <QVariant>

namespace tb::server {

bool SessionStore::insert(const QByteArray& digest, qint64 userId, qint64 expires)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("INSERT INTO sessions (session_digest, user_id, expires) VALUES (?, ?, ?)"));
    q.bindValue(0, QString::fromLatin1(digest));
    q.bindValue(1, userId);
    q.bindValue(2, expires);
    return Database::exec(q);
}

qint64 SessionStore::userFor(const QByteArray& digest, qint64 now)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("SELECT user_id FROM sessions WHERE session_digest = ? AND expires > ?"));
    q.bindValue(0, QString::fromLatin1(digest));
    q.bindValue(1, now);
    if (!Database::exec(q) || !q.next()) {
        return 0;
    }
    const qint64 userId = q.value(0).toLongLong();
    q.finish();
    return userId;
}

void SessionStore::remove(const QByteArray& digest)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM sessions WHERE session_digest = ?"));
    q.bindValue(0, QString::fromLatin1(digest));
    Database::exec(q);
}

void SessionStore::removeExpired(qint64 now)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM sessions WHERE expires <= ?"));
    q.bindValue(0, now);
    Database::exec(q);
}

} // namespace tb::server
