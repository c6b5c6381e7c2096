#include "support/HttpTestClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QUrl>

#include <algorithm>

namespace tb::test {

QByteArray HttpTestClient::Response::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QJsonObject HttpTestClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpTestClient::HttpTestClient(quint16 port) : m_port(port), m_socket(std::make_unique<QTcpSocket>()) {}

HttpTestClient::~HttpTestClient() = default;

bool HttpTestClient::connectToServer(int timeoutMs)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        return true;
    }
    QSignalSpy connected(m_socket.get(), &QTcpSocket::connected);
    m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    return connected.wait(timeoutMs) || m_socket->state() == QAbstractSocket::ConnectedState;
}

bool HttpTestClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpTestClient::sendRaw(const QByteArray& bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

HttpTestClient::Response HttpTestClient::readResponse(int timeoutMs, bool headRequest)
{
    QElapsedTimer timer;
    timer.start();
    QSignalSpy readyRead(m_socket.get(), &QTcpSocket::readyRead);
    for (;;) {
        m_buffer.append(m_socket->readAll());
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            Response response;
            const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
            const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
            qint64 length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                if (line.left(colon).toLower() == "content-length") {
                    length = line.mid(colon + 1).trimmed().toLongLong();
                }
            }
            const int status = statusLine.value(1).toInt();
            const bool interim = status == 100;
            const qint64 bodyLength = (headRequest || interim) ? 0 : length;
            if (m_buffer.size() >= headEnd + 4 + bodyLength) {
                response.raw = m_buffer.left(headEnd + 4 + bodyLength);
                response.body = m_buffer.mid(headEnd + 4, bodyLength);
                m_buffer.remove(0, headEnd + 4 + bodyLength);
                if (interim) {
                    continue;
                }
                response.status = status;
                return response;
            }
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || (m_socket->state() != QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0)) {
            return {};
        }
        if (m_socket->bytesAvailable() == 0) {
            readyRead.wait(int(std::min<qint64>(left, 200)));
        }
    }
}

bool HttpTestClient::waitForClose(int timeoutMs)
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        return true;
    }
    QSignalSpy disconnected(m_socket.get(), &QTcpSocket::disconnected);
    return disconnected.wait(timeoutMs) || m_socket->state() == QAbstractSocket::UnconnectedState;
}

HttpTestClient::Response HttpTestClient::request(const QByteArray& method, const QByteArray& target,
                                                 const QList<QByteArray>& headers, const QByteArray& body)
{
    if (!connectToServer()) {
        return {};
    }
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    if (std::none_of(headers.begin(), headers.end(),
                     [](const QByteArray& h) { return h.toLower().startsWith("host:"); })) {
        out += "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    }
    bool hasLength = false;
    for (const QByteArray& header : headers) {
        out += header + "\r\n";
        hasLength = hasLength || header.toLower().startsWith("content-length:") ||
                    header.toLower().startsWith("transfer-encoding:");
    }
    if (!hasLength && (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")) {
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    out += "\r\n" + body;
    sendRaw(out);
    return readResponse(10000, method == "HEAD");
}

HttpTestClient::Response HttpTestClient::postForm(const QByteArray& target,
                                                  const QList<std::pair<QString, QString>>& fields,
                                                  const QList<QByteArray>& headers)
{
    return request("POST", target, QList<QByteArray>{"Content-Type: application/x-www-form-urlencoded"} + headers,
                   formEncode(fields));
}

HttpTestClient::Response HttpTestClient::fetch(quint16 port, const QByteArray& method, const QByteArray& target,
                                               const QList<QByteArray>& headers, const QByteArray& body)
{
    HttpTestClient client(port);
    return client.request(method, target, headers, body);
}

QByteArray HttpTestClient::basicAuth(const QString& id, const QString& secret)
{
    return "Authorization: Basic " + (QUrl::toPercentEncoding(id) + ':' + QUrl::toPercentEncoding(secret)).toBase64();
}

QByteArray HttpTestClient::formEncode(const QList<std::pair<QString, QString>>& fields)
{
    QByteArray out;
    for (const auto& [name, value] : fields) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace tb::test
