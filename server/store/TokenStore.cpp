#include "server/store/TokenStore.h"

#include <QVariant>

namespace tb::server {

namespace {

// Both token queries select these seven columns first, in this order.
constexpr int kTokenColumns = 7;

void readTokenColumns(const QSqlQuery& q, TokenRecord& token)
{
    token.id = q.value(0).toLongLong();
    token.clientPk = q.value(1).toLongLong();
    token.clientId = q.value(2).toString();
    token.userId = q.value(3).toLongLong();
    token.username = q.value(4).toString();
    token.scope = q.value(5).toString();
    token.expires = q.value(6).toLongLong();
}

} // namespace

std::optional<AccessTokenRecord> TokenStore::accessByDigest(const QByteArray& digest)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT a.id, a.client_id, c.client_id, a.user_id, u.username, a.scope, a.expires, a.refresh_token_id "
        "FROM access_tokens a JOIN clients c ON c.id = a.client_id LEFT JOIN users u ON u.id = a.user_id "
        "WHERE a.token_digest = ?"));
    q.bindValue(0, QString::fromLatin1(digest));
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    AccessTokenRecord token;
    readTokenColumns(q, token);
    token.refreshTokenId = q.value(kTokenColumns).toLongLong();
    q.finish();
    return token;
}

std::optional<RefreshTokenRecord> TokenStore::refreshByDigest(const QByteArray& digest)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT r.id, r.client_id, c.client_id, r.user_id, u.username, r.scope, r.expires, r.revoked, "
        "(SELECT a.id FROM access_tokens a WHERE a.refresh_token_id = r.id) "
        "FROM refresh_tokens r JOIN clients c ON c.id = r.client_id LEFT JOIN users u ON u.id = r.user_id "
        "WHERE r.token_digest = ?"));
    q.bindValue(0, QString::fromLatin1(digest));
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    RefreshTokenRecord token;
    readTokenColumns(q, token);
    token.revoked = q.value(kTokenColumns).toLongLong();
    token.accessTokenId = q.value(kTokenColumns + 1).toLongLong();
    q.finish();
    return token;
}

qint64 TokenStore::insertAccess(const QByteArray& digest, qint64 clientPk, qint64 userId, const QString& scope,
                                qint64 expires, qint64 refreshTokenId, qint64 now)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("INSERT INTO access_tokens (token_digest, client_id, user_id, scope, expires, "
                                     "refresh_token_id, created) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    q.bindValue(0, QString::fromLatin1(digest));
    q.bindValue(1, clientPk);
    q.bindValue(2, userId > 0 ? QVariant(userId) : QVariant());
    q.bindValue(3, scope);
    q.bindValue(4, expires);
    q.bindValue(5, refreshTokenId > 0 ? QVariant(refreshTokenId) : QVariant());
    q.bindValue(6, now);
    return Database::insertReturningId(q);
}

qint64 TokenStore::insertRefresh(const QByteArray& digest, qint64 clientPk, qint64 userId, const QString& scope,
                                 qint64 expires, qint64 now)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO refresh_tokens (token_digest, client_id, user_id, scope, expires, revoked, "
                       "created) VALUES (?, ?, ?, ?, ?, 0, ?) RETURNING id"));
    q.bindValue(0, QString::fromLatin1(digest));
    q.bindValue(1, clientPk);
    q.bindValue(2, userId > 0 ? QVariant(userId) : QVariant());
    q.bindValue(3, scope);
    q.bindValue(4, expires);
    q.bindValue(5, now);
    return Database::insertReturningId(q);
}

bool TokenStore::deleteAccess(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM access_tokens WHERE id = ?"));
    q.bindValue(0, id);
    return Database::exec(q);
}

bool TokenStore::deleteAccessOfRefresh(qint64 refreshId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM access_tokens WHERE refresh_token_id = ?"));
    q.bindValue(0, refreshId);
    return Database::exec(q);
}

bool TokenStore::revokeRefresh(qint64 id, qint64 now)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("UPDATE refresh_tokens SET revoked = ? WHERE id = ? AND revoked = 0"));
    q.bindValue(0, now);
    q.bindValue(1, id);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

void TokenStore::purgeExpired(qint64 now)
{
    QSqlQuery& access =
        m_db.prepared(QStringLiteral("DELETE FROM access_tokens WHERE expires < ? AND refresh_token_id IS NULL"));
    access.bindValue(0, now - 86400); // keep a day so "expired" stays distinguishable from "invalid"; tokens with a
                                      // refresh token stay, since
    // a refresh must tell "expired" (allowed) from "revoked" (refused)
    Database::exec(access);
    QSqlQuery& codes = m_db.prepared(QStringLiteral("DELETE FROM authorization_codes WHERE expires < ?"));
    codes.bindValue(0, now - 3600);
    Database::exec(codes);
    QSqlQuery& sessions = m_db.prepared(QStringLiteral("DELETE FROM sessions WHERE expires < ?"));
    sessions.bindValue(0, now);
    Database::exec(sessions);
}

} // namespace tb::server
