#pragma once

#include "server/store/Database.h"
#include "server/store/Records.h"

#include <QList>

#include <optional>

namespace tb::server {

class ClientStore
{
public:
    explicit ClientStore(Database& db) : m_db(db) {}

    std::optional<ClientRecord> byClientId(const QString& clientId);
    std::optional<ClientRecord> byId(qint64 id);
    QList<ClientRecord> list();
    qint64 insert(const ClientRecord& client, qint64 now);
    bool removeByClientId(const QString& clientId);

private:
    Database& m_db;
};

} // namespace tb::server
