#include "support/TestHttpServer.h"

#include "support/SelfSignedCertificate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace tb::test {

namespace {

constexpr qint64 kChunk = 64 * 1024; // a multiple of 256, so every chunk of /bytes is the same
constexpr qint64 kWriteWatermark = 256 * 1024;

QByteArray patternChunk()
{
    QByteArray chunk(kChunk, Qt::Uninitialized);
    for (qint64 i = 0; i < kChunk; ++i) {
        chunk[i] = char(i % 256);
    }
    return chunk;
}

// One element of /json-array/N: 64 bytes, so that kChunk holds a whole number of them.
constexpr char kJsonRecord[] = R"({"id":1234,"user":"someone01","groups":["a","b"],"active":true},)";
constexpr qint64 kJsonRecordSize = sizeof(kJsonRecord) - 1;
static_assert(kChunk % kJsonRecordSize == 0);

QByteArray jsonRecordChunk()
{
    return QByteArray(kJsonRecord).repeated(kChunk / kJsonRecordSize);
}

QByteArray response(int status, const QByteArray& reason, const QByteArray& body,
                    const QList<QByteArray>& extraHeaders = {}, qint64 contentLength = -1)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const QByteArray& h : extraHeaders) {
        out += h + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(contentLength >= 0 ? contentLength : body.size()) + "\r\n\r\n";
    return out + body;
}

QByteArray jsonResponse(const QJsonObject& object)
{
    return response(200, "OK", QJsonDocument(object).toJson(QJsonDocument::Compact),
                    {"Content-Type: application/json"});
}

} // namespace

struct TestHttpServer::Connection
{
    QByteArray buffer;
    // A streamed body (/bytes/N, /json-array/N): streamRemaining bytes cut from streamChunk repeated, then the tail.
    qint64 streamRemaining = 0;
    QByteArray streamChunk;
    QByteArray streamTail;
    bool closing = false;
};

TestHttpServer::TestHttpServer(Mode mode, QObject* parent) : QObject(parent), m_mode(mode)
{
    if (mode == Mode::Tls) {
        auto server = std::make_unique<QSslServer>();
        const SelfSignedCertificate cert = SelfSignedCertificate::generate();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert.certificate);
        config.setPrivateKey(cert.key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &TestHttpServer::onNewConnection);
    m_server->listen(QHostAddress::LocalHost, 0);
}

TestHttpServer::~TestHttpServer()
{
    for (auto& [socket, connection] : m_connections) {
        socket->disconnect(this);
    }
}

bool TestHttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 TestHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl TestHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_mode == Mode::Tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port())
                    .arg(path));
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        socket->setParent(this);
        m_connections[socket] = std::make_unique<Connection>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { writeMore(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.erase(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::onReadyRead(QTcpSocket* socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end()) {
        return;
    }
    Connection& c = *found->second;
    c.buffer += socket->readAll();
    while (true) {
        const qsizetype headEnd = c.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        const QList<QByteArray> lines = c.buffer.left(headEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                contentLength = value.toLongLong();
            }
        }
        if (c.buffer.size() < headEnd + 4 + contentLength) {
            return; // the body is still coming
        }
        request.body = c.buffer.mid(headEnd + 4, contentLength);
        c.buffer.remove(0, headEnd + 4 + contentLength);
        m_requests.append(request);
        emit requestReceived();
        handle(socket, request);
        if (!m_connections.count(socket)) {
            return;
        }
    }
}

void TestHttpServer::handle(QTcpSocket* socket, const Request& request)
{
    QByteArray path = request.target.split('?').value(0);
    if (path.startsWith("http://")) { // absolute form: we are being used as a proxy
        const qsizetype slash = path.indexOf('/', 7);
        path = slash < 0 ? QByteArray("/") : path.mid(slash);
    }
    const auto echo = [&] {
        QJsonArray headers;
        for (const auto& [name, value] : request.headers) {
            headers.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
        }
        const QByteArray answer = jsonResponse({{QStringLiteral("method"), QString::fromLatin1(request.method)},
                                                {QStringLiteral("target"), QString::fromLatin1(request.target)},
                                                {QStringLiteral("headers"), headers},
                                                {QStringLiteral("body"), QString::fromLatin1(request.body.toBase64())},
                                                {QStringLiteral("bodyText"), QString::fromUtf8(request.body)},
                                                {QStringLiteral("bodySize"), request.body.size()}});
        // A HEAD answer has the headers a GET would get, and no body.
        socket->write(request.method == "HEAD" ? answer.left(answer.indexOf("\r\n\r\n") + 4) : answer);
    };
    const auto number = [&](const char* prefix) { return path.mid(qsizetype(strlen(prefix))).toLongLong(); };

    if (path.startsWith("/echo") || path == "/redirect/0") {
        echo();
    } else if (path == "/json") {
        socket->write(jsonResponse({{QStringLiteral("ok"), true}, {QStringLiteral("n"), 1}}));
    } else if (path.startsWith("/status/")) {
        const qint64 code = number("/status/");
        socket->write(response(int(code), "Custom Reason", "status " + QByteArray::number(code)));
    } else if (path.startsWith("/redirect/")) {
        socket->write(
            response(302, "Found", {}, {"Location: /redirect/" + QByteArray::number(number("/redirect/") - 1)}));
    } else if (path == "/redirect-to") {
        const QByteArray to = QByteArray::fromPercentEncoding(request.target.mid(request.target.indexOf("?url=") + 5));
        socket->write(response(302, "Found", {}, {"Location: " + to}));
    } else if (path == "/redirect-307") {
        socket->write(response(307, "Temporary Redirect", {}, {"Location: /echo/after-307"}));
    } else if (path.startsWith("/delay/")) {
        QTimer::singleShot(int(number("/delay/")), socket, [socket] {
            socket->write(jsonResponse({{QStringLiteral("delayed"), true}}));
        });
    } else if (path == "/close-mid") {
        socket->write(response(200, "OK", QByteArray(100, 'x'), {"Content-Type: text/plain"}, 1000));
        socket->flush();
        socket->disconnectFromHost();
    } else if (path == "/close-before") {
        socket->disconnectFromHost();
    } else if (path.startsWith("/bytes/")) {
        const qint64 size = number("/bytes/");
        socket->write(response(200, "OK", {}, {"Content-Type: application/octet-stream"}, size));
        Connection& c = *m_connections[socket];
        static const QByteArray pattern = patternChunk();
        c.streamChunk = pattern;
        c.streamRemaining = size;
        writeMore(socket);
    } else if (path.startsWith("/json-array/")) {
        // [record,record,...,0   ] padded with spaces to exactly N bytes (N >= 3).
        const qint64 size = std::max<qint64>(3, number("/json-array/"));
        const qint64 records = (size - 3) / kJsonRecordSize;
        const qint64 tail = size - 1 - records * kJsonRecordSize;
        socket->write(response(200, "OK", "[", {"Content-Type: application/json"}, size));
        Connection& c = *m_connections[socket];
        static const QByteArray recordChunk = jsonRecordChunk();
        c.streamChunk = recordChunk;
        c.streamRemaining = records * kJsonRecordSize;
        c.streamTail = '0' + QByteArray(tail - 2, ' ') + ']';
        writeMore(socket);
    } else if (path == "/set-cookie") {
        socket->write(response(200, "OK", "cookies",
                               {"Set-Cookie: a=1; Path=/", "Set-Cookie: b=2; HttpOnly", "X-Dup: one", "X-Dup: two"}));
    } else {
        socket->write(response(404, "Not Found", "no route " + path));
    }
}

void TestHttpServer::writeMore(QTcpSocket* socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end()) {
        return;
    }
    Connection& c = *found->second;
    while (c.streamRemaining > 0 && socket->bytesToWrite() < kWriteWatermark) {
        const qint64 n = std::min(c.streamRemaining, kChunk);
        socket->write(c.streamChunk.constData(), n);
        c.streamRemaining -= n;
    }
    if (c.streamRemaining == 0 && !c.streamTail.isEmpty()) {
        socket->write(c.streamTail);
        c.streamTail.clear();
    }
}

} // namespace tb::test
