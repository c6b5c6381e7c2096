#include "auth/LoopbackRedirectReceiver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace tb {

namespace {

constexpr qsizetype maxRequestBytes = 64 * 1024;

QByteArray page(const QByteArray& title, const QByteArray& text)
{
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
           "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + title + "</h1><p>" + text +
           "</p></body></html>";
}

void answer(QTcpSocket* socket, const QByteArray& status, const QByteArray& body)
{
    socket->write("HTTP/1.1 " + status +
                  "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
                  "Content-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

LoopbackRedirectReceiver::LoopbackRedirectReceiver(QObject* parent) : QObject(parent) {}

LoopbackRedirectReceiver::~LoopbackRedirectReceiver() = default;

bool LoopbackRedirectReceiver::listen(quint16 port, const QString& path)
{
    m_path = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    m_done = false;
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, &LoopbackRedirectReceiver::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error =
            QStringLiteral("cannot listen on 127.0.0.1:%1 for the redirect: %2").arg(port).arg(m_server->errorString());
        m_server.reset();
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void LoopbackRedirectReceiver::close()
{
    if (m_server)
        m_server->close();
}

bool LoopbackRedirectReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 LoopbackRedirectReceiver::port() const
{
    return m_port;
}

QString LoopbackRedirectReceiver::redirectUri() const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(m_path);
}

LoopbackRedirectReceiver::Params LoopbackRedirectReceiver::parseQuery(const QByteArray& query)
{
    Params params;
    for (const QByteArray& pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        params.append({QUrl::fromPercentEncoding(name), QUrl::fromPercentEncoding(value)});
    }
    return params;
}

QString LoopbackRedirectReceiver::value(const Params& params, const QString& name)
{
    for (const auto& [n, v] : params) {
        if (n == name)
            return v;
    }
    return {};
}

void LoopbackRedirectReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void LoopbackRedirectReceiver::onReadyRead(QTcpSocket* socket)
{
    // Only the request line matters; wait for the end of the headers so the browser gets its answer cleanly.
    QByteArray buffer = socket->property("tb_buffer").toByteArray() + socket->readAll();
    if (!buffer.contains("\r\n\r\n")) {
        if (buffer.size() > maxRequestBytes)
            socket->abort();
        else
            socket->setProperty("tb_buffer", buffer);
        return;
    }
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "GET") {
        answer(socket, "405 Method Not Allowed", page("Not here", "This address only receives a sign-in redirect."));
        return;
    }
    const QByteArray target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    if (QUrl::fromPercentEncoding(path) != m_path || m_done) {
        answer(socket, "404 Not Found", page("Not found", "Nothing here."));
        return;
    }
    const Params params = parseQuery(question < 0 ? QByteArray() : target.mid(question + 1));
    m_done = true;
    const QString error = value(params, QStringLiteral("error"));
    if (error.isEmpty())
        answer(socket, "200 OK",
               page("Signed in", "Tokenbench received the authorization. You can close this tab and return to "
                                 "Tokenbench."));
    else
        answer(socket, "200 OK",
               page("Sign-in did not complete", "The authorization server answered: " + error.toHtmlEscaped().toUtf8() +
                                                    ". You can close this tab; Tokenbench shows the details."));
    m_server->close();
    emit redirectReceived(params);
}

} // namespace tb
