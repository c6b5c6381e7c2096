#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <map>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace tb::test {

// A small HTTP/1.1 server on 127.0.0.1, port 0, written on a raw QTcpServer so that it can misbehave on purpose.
// Runs in the test's thread: wait with QSignalSpy::wait / QTRY_*, never with blocking calls.
//
// Routes (the query string is ignored unless said otherwise):
//   /echo...           200, JSON of the request exactly as received: {"method", "target", "headers": [[name,
//                      value], ...] in arrival order, "body": base64, "bodyText": UTF-8 text, "bodySize"}
//   /json              200, a small JSON object
//   /status/CODE       that status, body "status CODE"
//   /redirect/N        302 to /redirect/N-1; /redirect/0 answers like /echo
//   /redirect-307      307 to /echo (the client must resend the body)
//   /redirect-to?url=U 302 to U (percent-decoded)
//   /delay/MS          a small JSON after MS milliseconds
//   /close-mid         headers announcing 1000 bytes, 100 bytes of body, then the connection closes
//   /close-before      closes the connection without answering
//   /bytes/N           N bytes (byte i is i % 256), written as the socket drains: the server never holds N bytes
//   /json-array/N      N bytes (N >= 3) of a JSON array of small objects, streamed like /bytes/N
//   /set-cookie        two Set-Cookie lines and two X-Dup lines
// Anything else: 404.
class TestHttpServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestHttpServer)

public:
    enum class Mode
    {
        Plain,
        Tls
    };

    struct Request
    {
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    explicit TestHttpServer(Mode mode = Mode::Plain, QObject* parent = nullptr);
    ~TestHttpServer() override;

    bool isListening() const;
    quint16 port() const;
    // http(s)://127.0.0.1:PORT + path
    QUrl url(const QString& path) const;
    QString urlString(const QString& path) const { return url(path).toString(); }

    const QList<Request>& requests() const { return m_requests; }
    int connectionCount() const { return m_connectionCount; }

signals:
    void requestReceived();

private:
    struct Connection;

    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void handle(QTcpSocket* socket, const Request& request);
    void writeMore(QTcpSocket* socket);

    Mode m_mode;
    std::unique_ptr<QTcpServer> m_server;
    std::map<QTcpSocket*, std::unique_ptr<Connection>> m_connections;
    QList<Request> m_requests;
    int m_connectionCount = 0;
};

} // namespace tb::test
