#pragma once

#include "server/http/HttpConnection.h"
#include "server/http/HttpLimits.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace tb::server {

// Accepts TCP (or TLS) connections and gives each its HttpConnection. It keeps track of the connections itself
// (rather than using QTcpServer's pending-connection queue) so that stop() can close every one of them.
class HttpListener : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)

public:
    HttpListener(HttpLimits limits, RequestHandler handler, std::function<void(const RequestLogEntry&)> log,
                 QObject* parent = nullptr);
    ~HttpListener() override;

    void setTls(const QSslConfiguration& configuration) { m_tls = configuration; }
    void closeAll();
    int connectionCount() const { return int(m_connections.size()); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpLimits m_limits;
    RequestHandler m_handler;
    std::function<void(const RequestLogEntry&)> m_log;
    std::optional<QSslConfiguration> m_tls;
    QList<HttpConnection*> m_connections;
};

} // namespace tb::server
