#include "server/http/HttpListener.h"

#include <QSslSocket>

namespace tb::server {

HttpListener::HttpListener(HttpLimits limits, RequestHandler handler, std::function<void(const RequestLogEntry&)> log,
                           QObject* parent)
    : QTcpServer(parent), m_limits(limits), m_handler(std::move(handler)), m_log(std::move(log))
{}

HttpListener::~HttpListener()
{
    closeAll();
}

void HttpListener::closeAll()
{
    const QList<HttpConnection*> connections = m_connections;
    m_connections.clear();
    for (HttpConnection* connection : connections) {
        connection->disconnect(this);
        connection->closeNow();
        delete connection;
    }
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket* socket = nullptr;
    if (m_tls) {
        auto* sslSocket = new QSslSocket;
        sslSocket->setSslConfiguration(*m_tls);
        if (!sslSocket->setSocketDescriptor(socketDescriptor)) {
            delete sslSocket;
            return;
        }
        sslSocket->startServerEncryption();
        socket = sslSocket;
    } else {
        socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(socketDescriptor)) {
            delete socket;
            return;
        }
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto* connection = new HttpConnection(socket, m_tls.has_value(), m_limits, m_handler, m_log, this);
    m_connections.append(connection);
    connect(connection, &HttpConnection::closed, this, [this, connection] {
        m_connections.removeOne(connection);
        connection->deleteLater();
    });
}

} // namespace tb::server
