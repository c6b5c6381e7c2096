#include "server/store/Store.h"

namespace tb::server {

Store::Store(const QString& path)
    : m_db(path), m_users(m_db), m_clients(m_db), m_tokens(m_db), m_codes(m_db), m_loginFailures(m_db)
{}

bool Store::open(QString* error)
{
    return m_db.open(error) && m_db.migrate(error);
}

} // namespace tb::server
