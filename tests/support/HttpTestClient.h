#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

#include <memory>
#include <utility>

namespace tb::test {

// A raw HTTP/1.1 client over one QTcpSocket for byte-exact server tests: it sends what it is given and
// parses what comes back (status, headers in wire order, Content-Length body). It waits by running the event
// loop (QSignalSpy::wait), so a server in the same thread keeps serving.
class HttpTestClient
{
public:
    struct Response
    {
        int status = 0; // 0: no (complete) response
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray raw;

        QByteArray header(QByteArrayView name) const;
        QJsonObject json() const;
    };

    explicit HttpTestClient(quint16 port);
    ~HttpTestClient();

    bool connectToServer(int timeoutMs = 5000);
    bool isConnected() const;
    void sendRaw(const QByteArray& bytes);
    // Reads one response (keep-alive safe); status 0 on timeout or close before completion.
    Response readResponse(int timeoutMs = 10000, bool headRequest = false);
    // True once the server has closed the connection (waits up to timeoutMs).
    bool waitForClose(int timeoutMs = 5000);

    // One request on this connection. headers: extra lines ("Authorization: Bearer x").
    Response request(const QByteArray& method, const QByteArray& target, const QList<QByteArray>& headers = {},
                     const QByteArray& body = {});
    // A form POST with HTTP Basic or no client authentication.
    Response postForm(const QByteArray& target, const QList<std::pair<QString, QString>>& fields,
                      const QList<QByteArray>& headers = {});

    // Single request on a fresh connection.
    static Response fetch(quint16 port, const QByteArray& method, const QByteArray& target,
                          const QList<QByteArray>& headers = {}, const QByteArray& body = {});
    static QByteArray basicAuth(const QString& id, const QString& secret);
    static QByteArray formEncode(const QList<std::pair<QString, QString>>& fields);

private:
    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace tb::test
