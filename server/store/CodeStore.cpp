#include "server/store/CodeStore.h"

#include <QVariant>

namespace tb::server {

qint64 CodeStore::insert(const QByteArray& digest, const AuthorizationCodeRecord& code, qint64 now)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO authorization_codes (code_digest, client_id, user_id, redirect_uri, scope, code_challenge, "
        "code_challenge_method, nonce, claims, expires, used, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) "
        "RETURNING id"));
    q.bindValue(0, QString::fromLatin1(digest));
    q.bindValue(1, code.clientPk);
    q.bindValue(2, code.userId);
    q.bindValue(3, Database::text(code.redirectUri));
    q.bindValue(4, Database::text(code.scope));
    q.bindValue(5, Database::text(code.codeChallenge));
    q.bindValue(6, Database::text(code.codeChallengeMethod));
    q.bindValue(7, Database::text(code.nonce));
    q.bindValue(8, Database::text(code.claims));
    q.bindValue(9, code.expires > 0 ? code.expires : now + lifetimeSeconds);
    q.bindValue(10, now);
    return Database::insertReturningId(q);
}

std::optional<AuthorizationCodeRecord> CodeStore::byDigest(const QByteArray& digest)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT id, client_id, user_id, redirect_uri, scope, code_challenge, code_challenge_method, "
                       "nonce, claims, expires, used FROM authorization_codes WHERE code_digest = ?"));
    q.bindValue(0, QString::fromLatin1(digest));
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    AuthorizationCodeRecord code;
    code.id = q.value(0).toLongLong();
    code.clientPk = q.value(1).toLongLong();
    code.userId = q.value(2).toLongLong();
    code.redirectUri = q.value(3).toString();
    code.scope = q.value(4).toString();
    code.codeChallenge = q.value(5).toString();
    code.codeChallengeMethod = q.value(6).toString();
    code.nonce = q.value(7).toString();
    code.claims = q.value(8).toString();
    code.expires = q.value(9).toLongLong();
    code.used = q.value(10).toInt() != 0;
    q.finish();
    return code;
}

bool CodeStore::markUsed(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("UPDATE authorization_codes SET used = 1 WHERE id = ? AND used = 0"));
    q.bindValue(0, id);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

} // namespace tb::server
