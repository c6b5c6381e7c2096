#pragma once

#include "server/store/ClientStore.h"
#include "server/store/CodeStore.h"
#include "server/store/Database.h"
#include "server/store/LoginFailureStore.h"
#include "server/store/TokenStore.h"
#include "server/store/UserStore.h"

namespace tb::server {

// The server's persistence for one thread: a connection and the table stores that share it.
class Store
{
    Q_DISABLE_COPY_MOVE(Store)

public:
    explicit Store(const QString& path);

    // Opens the database and brings its schema up to date.
    bool open(QString* error);

    Database& database() { return m_db; }
    UserStore& users() { return m_users; }
    ClientStore& clients() { return m_clients; }
    TokenStore& tokens() { return m_tokens; }
    CodeStore& codes() { return m_codes; }
    LoginFailureStore& loginFailures() { return m_loginFailures; }

private:
    Database m_db;
    UserStore m_users;
    ClientStore m_clients;
    TokenStore m_tokens;
    CodeStore m_codes;
    LoginFailureStore m_loginFailures;
};

} // namespace tb::server
