#pragma once

#include "server/ServerConfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace tb::server {

class Store;

// The bundled reference server as a library: start(config) listens (port 0 picks a free port), stop() closes
// every connection; no global state, so several can run in one process. It lives on the thread it was
// created on and serves from that thread's event loop; PBKDF2 runs on its own pool.
//
//   QTcpServer -> HttpConnection (parse, limits) -> Router -> endpoint -> Store (SQLite, this thread)
//                                                               \-> CredentialVerifier (thread pool)
class Server : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(QObject* parent = nullptr);
    ~Server() override;

    bool start(const ServerConfig& config);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    // http(s)://host:port, with the real port.
    QUrl baseUrl() const;
    QString errorString() const { return m_error; }
    const ServerConfig& config() const { return m_config; }
    // Direct store access for admin tooling and tests (insert an authorization code, inspect tokens).
    Store* store() const;

private:
    struct Runtime;

    ServerConfig m_config;
    std::unique_ptr<Runtime> m_runtime;
    QString m_error;
};

} // namespace tb::server
