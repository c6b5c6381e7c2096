#include "server/http/HttpConnection.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>

namespace tb::server {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return c != 0 && QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (char c : s) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

bool isValidFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f) {
            return false;
        }
    }
    return true;
}

bool isValidTarget(QByteArrayView s)
{
    if (s.isEmpty() || s[0] != '/') {
        return false;
    }
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return false;
        }
    }
    return true;
}

// RFC 7231 IMF-fixdate, recomputed at most once a second per thread.
QByteArray httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cachedSecond) {
        cachedSecond = now;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'")
                     .toLatin1();
    }
    return cached;
}

constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, bool secure, const HttpLimits& limits, RequestHandler handler,
                               std::function<void(const RequestLogEntry&)> log, QObject* parent)
    : QObject(parent), m_socket(socket), m_secure(secure), m_limits(limits), m_handler(std::move(handler)),
      m_log(std::move(log))
{
    m_socket->setParent(this);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::closeNow);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::closeNow);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            closeNow();
        }
    });
    startIdleTimer();
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::closeNow()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_state = State::Closing;
    m_idleTimer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
    emit closed();
}

void HttpConnection::startIdleTimer()
{
    m_idleTimer.start(m_limits.idleTimeoutMs);
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::Closing) {
        m_socket->readAll();
        return;
    }
    m_buffer.append(m_socket->readAll());
    // While a request is being answered, pipelined bytes wait; bound them so a client cannot grow memory.
    if (m_buffer.size() > m_limits.maxBodyBytes + m_limits.maxHeaderBytes + 1024) {
        if (m_state == State::Dispatched) {
            closeNow();
            return;
        }
    }
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (m_state != State::Dispatched && m_state != State::Closing) {
        if (m_state == State::ReadingHead) {
            const ParseResult result = parseHead();
            if (result != ParseResult::Ready) {
                return;
            }
            continue;
        }
        if (m_state == State::ReadingBody) {
            if (m_buffer.size() < m_contentLength) {
                return;
            }
            m_request.body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            dispatch();
            return;
        }
        if (m_state == State::ReadingChunked) {
            if (parseChunked() != ParseResult::Ready) {
                return;
            }
            dispatch();
            return;
        }
    }
}

HttpConnection::ParseResult HttpConnection::parseHead()
{
    // Tolerate empty lines before a request line (RFC 9112 section 2.2).
    while (m_buffer.startsWith("\r\n")) {
        m_buffer.remove(0, 2);
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > m_limits.maxHeaderBytes) {
            fail(431, "Request header fields too large.");
            return ParseResult::Failed;
        }
        return ParseResult::NeedMore;
    }
    if (end > m_limits.maxHeaderBytes) {
        fail(431, "Request header fields too large.");
        return ParseResult::Failed;
    }
    m_requestTimer.start();
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);

    m_request = HttpRequest{};
    m_request.peerAddress = m_socket->peerAddress();
    const QHostAddress local = m_socket->localAddress();
    m_request.localAuthority =
        (local.protocol() == QAbstractSocket::IPv6Protocol ? '[' + local.toString().toLatin1() + ']'
                                                           : local.toString().toLatin1()) +
        ':' + QByteArray::number(m_socket->localPort());
    m_request.secure = m_secure;
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.first().chopped(lines.size() > 1 ? 1 : 0);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !isValidTarget(parts[1])) {
        fail(400, "Malformed request line.");
        return ParseResult::Failed;
    }
    const QByteArray& version = parts[2];
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.startsWith("HTTP/") && version.size() == 8) {
            fail(505, "HTTP version not supported.");
        } else {
            fail(400, "Malformed request line.");
        }
        return ParseResult::Failed;
    }
    m_request.method = parts[0];
    m_request.target = parts[1];
    const qsizetype question = m_request.target.indexOf('?');
    m_request.path = question < 0 ? m_request.target : m_request.target.left(question);
    m_request.query = question < 0 ? QByteArray() : m_request.target.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& raw = lines[i];
        const bool lastLine = i == lines.size() - 1;
        if ((!lastLine && !raw.endsWith('\r')) || (lastLine && raw.endsWith('\r'))) {
            fail(400, "Malformed header line.");
            return ParseResult::Failed;
        }
        const QByteArray line = lastLine ? raw : raw.chopped(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)) ||
            !isValidFieldValue(QByteArrayView(line).sliced(colon + 1))) {
            // Also rejects obsolete line folding (a line starting with whitespace).
            fail(400, "Malformed header line.");
            return ParseResult::Failed;
        }
        m_request.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }

    const bool http11 = version == "HTTP/1.1";
    if (http11 && !m_request.hasHeader("host")) {
        fail(400, "Missing Host header.");
        return ParseResult::Failed;
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
    m_headRequest = m_request.method == "HEAD";

    const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
    int lengthHeaders = 0;
    QByteArray contentLength;
    for (const auto& [name, value] : std::as_const(m_request.headers)) {
        if (name == "content-length") {
            if (lengthHeaders > 0 && value != contentLength) {
                fail(400, "Conflicting Content-Length headers.");
                return ParseResult::Failed;
            }
            contentLength = value;
            ++lengthHeaders;
        }
    }
    if (!transferEncoding.isEmpty()) {
        // A message with both is a request-smuggling vector (RFC 9112 section 6.3): refuse it.
        if (transferEncoding != "chunked" || lengthHeaders > 0) {
            fail(transferEncoding == "chunked" ? 400 : 501, "Unsupported Transfer-Encoding.");
            return ParseResult::Failed;
        }
        m_contentLength = 0;
        m_state = State::ReadingChunked;
    } else {
        m_contentLength = 0;
        if (lengthHeaders > 0) {
            bool ok = !contentLength.isEmpty() && contentLength.size() <= 18;
            for (char c : std::as_const(contentLength)) {
                ok = ok && c >= '0' && c <= '9';
            }
            if (!ok) {
                fail(400, "Invalid Content-Length.");
                return ParseResult::Failed;
            }
            m_contentLength = contentLength.toLongLong();
        }
        if (m_contentLength > m_limits.maxBodyBytes) {
            fail(413, "Request body exceeds " + QByteArray::number(m_limits.maxBodyBytes) + " bytes.");
            return ParseResult::Failed;
        }
        m_state = State::ReadingBody;
    }
    if (m_request.header("expect").toLower() == "100-continue" &&
        (m_state == State::ReadingChunked || m_buffer.size() < m_contentLength)) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    return ParseResult::Ready;
}

HttpConnection::ParseResult HttpConnection::parseChunked()
{
    // Decodes in place from the start of m_buffer; only consumes once the whole body (and trailers) arrived.
    qsizetype pos = 0;
    QByteArray body;
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
        if (lineEnd < 0) {
            if (m_buffer.size() - pos > kMaxChunkLine) {
                fail(400, "Malformed chunked body.");
                return ParseResult::Failed;
            }
            return ParseResult::NeedMore;
        }
        QByteArray sizeField = m_buffer.mid(pos, lineEnd - pos);
        const qsizetype semicolon = sizeField.indexOf(';');
        if (semicolon >= 0) {
            sizeField.truncate(semicolon);
        }
        bool ok = !sizeField.isEmpty() && sizeField.size() <= 8;
        const qint64 size = sizeField.toLongLong(&ok, 16);
        if (!ok || size < 0) {
            fail(400, "Malformed chunked body.");
            return ParseResult::Failed;
        }
        if (body.size() + size > m_limits.maxBodyBytes) {
            fail(413, "Request body exceeds " + QByteArray::number(m_limits.maxBodyBytes) + " bytes.");
            return ParseResult::Failed;
        }
        pos = lineEnd + 2;
        if (size == 0) {
            // Trailer section: header lines until an empty line.
            for (;;) {
                const qsizetype trailerEnd = m_buffer.indexOf("\r\n", pos);
                if (trailerEnd < 0) {
                    return ParseResult::NeedMore;
                }
                const bool empty = trailerEnd == pos;
                pos = trailerEnd + 2;
                if (empty) {
                    break;
                }
            }
            m_request.body = body;
            m_buffer.remove(0, pos);
            return ParseResult::Ready;
        }
        if (m_buffer.size() < pos + size + 2) {
            return ParseResult::NeedMore;
        }
        if (m_buffer.mid(pos + size, 2) != "\r\n") {
            fail(400, "Malformed chunked body.");
            return ParseResult::Failed;
        }
        body.append(m_buffer.constData() + pos, size);
        pos += size + 2;
    }
}

void HttpConnection::dispatch()
{
    // The timer runs from the end of the previous response until the whole request (body included) is in.
    m_idleTimer.stop();
    m_state = State::Dispatched;
    const quint64 generation = ++m_generation;
    QPointer<HttpConnection> self(this);
    m_handler(m_request, [self, generation](HttpResponse response) {
        if (self) {
            self->respond(generation, std::move(response));
        }
    });
}

void HttpConnection::respond(quint64 generation, HttpResponse response)
{
    if (generation != m_generation || m_state != State::Dispatched) {
        return;
    }
    if (m_log) {
        m_log({m_request.method, m_request.path, response.status, double(m_requestTimer.nsecsElapsed()) / 1e6});
    }
    send(response, !m_keepAlive);
    if (m_state == State::Closing) {
        return;
    }
    m_request = HttpRequest{};
    m_state = State::ReadingHead;
    startIdleTimer();
    processBuffer();
}

void HttpConnection::fail(int status, const QByteArray& message)
{
    HttpResponse response = HttpResponse::json(status, "{\"detail\":\"" + message + "\"}");
    if (m_log) {
        m_log({m_request.method.isEmpty() ? QByteArrayLiteral("-") : m_request.method,
               m_request.path.isEmpty() ? QByteArrayLiteral("-") : m_request.path, status,
               m_requestTimer.isValid() ? double(m_requestTimer.nsecsElapsed()) / 1e6 : 0.0});
    }
    m_headRequest = false;
    send(response, true);
}

void HttpConnection::send(HttpResponse& response, bool close)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(response.status));
    out.append(' ');
    out.append(HttpResponse::reasonPhrase(response.status));
    out.append("\r\nDate: ");
    out.append(httpDate());
    out.append("\r\nServer: tokenbench-server\r\n");
    if (close) {
        out.append("Connection: close\r\n");
    }
    for (const auto& [name, value] : std::as_const(response.headers)) {
        out.append(name);
        out.append(": ");
        out.append(value);
        out.append("\r\n");
    }
    // Django sends Content-Length: 0 on 204 as well; HEAD gets the length the GET body would have.
    out.append("Content-Length: ");
    out.append(QByteArray::number(response.body.size()));
    out.append("\r\n\r\n");
    if (!m_headRequest) {
        out.append(response.body);
    }
    m_socket->write(out);
    if (close) {
        m_state = State::Closing;
        m_idleTimer.stop();
        m_socket->disconnectFromHost(); // flushes what was written, then emits disconnected
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            closeNow();
        }
    }
}

} // namespace tb::server
