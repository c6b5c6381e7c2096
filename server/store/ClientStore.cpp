#include "server/store/ClientStore.h"

#include <QVariant>

namespace tb::server {

namespace {

const QString kColumns =
    QStringLiteral("id, client_id, name, secret_hash, client_type, grant_types, redirect_uris, resource_server");

ClientRecord readClient(const QSqlQuery& q)
{
    ClientRecord client;
    client.id = q.value(0).toLongLong();
    client.clientId = q.value(1).toString();
    client.name = q.value(2).toString();
    client.secretHash = q.value(3).toByteArray();
    client.confidential = q.value(4).toString() != u"public";
    client.grantTypes = q.value(5).toString().split(u' ', Qt::SkipEmptyParts);
    client.redirectUris = q.value(6).toString().split(u' ', Qt::SkipEmptyParts);
    client.resourceServer = q.value(7).toInt() != 0;
    return client;
}

} // namespace

std::optional<ClientRecord> ClientStore::byClientId(const QString& clientId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM clients WHERE client_id = ?").arg(kColumns));
    q.bindValue(0, clientId);
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    return readClient(q);
}

std::optional<ClientRecord> ClientStore::byId(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM clients WHERE id = ?").arg(kColumns));
    q.bindValue(0, id);
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    return readClient(q);
}

QList<ClientRecord> ClientStore::list()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM clients ORDER BY id").arg(kColumns));
    QList<ClientRecord> clients;
    if (Database::exec(q)) {
        while (q.next()) {
            clients.append(readClient(q));
        }
    }
    return clients;
}

qint64 ClientStore::insert(const ClientRecord& client, qint64 now)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO clients (client_id, name, secret_hash, client_type, grant_types, redirect_uris, "
                       "resource_server, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    q.bindValue(0, Database::text(client.clientId));
    q.bindValue(1, Database::text(client.name));
    q.bindValue(2, client.secretHash.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(client.secretHash)));
    q.bindValue(3, client.confidential ? QStringLiteral("confidential") : QStringLiteral("public"));
    q.bindValue(4, Database::text(client.grantTypes.join(u' ')));
    q.bindValue(5, Database::text(client.redirectUris.join(u' ')));
    q.bindValue(6, client.resourceServer ? 1 : 0);
    q.bindValue(7, now);
    return Database::insertReturningId(q);
}

bool ClientStore::removeByClientId(const QString& clientId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM clients WHERE client_id = ?"));
    q.bindValue(0, clientId);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

} // namespace tb::server
