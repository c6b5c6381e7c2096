#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace tb {

// Catches the authorization redirect on http://127.0.0.1:PORT/PATH (RFC 8252 7.3: loopback IP literal, any port).
// The browser gets a short page ("you can close this tab"); requests for other paths (favicon) get a 404 and are
// otherwise ignored. Query values are percent-decoded only: a '+' stays a '+' (codes with '/' or '+' survive).
class LoopbackRedirectReceiver : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackRedirectReceiver)

public:
    using Params = QList<std::pair<QString, QString>>;

    explicit LoopbackRedirectReceiver(QObject* parent = nullptr);
    ~LoopbackRedirectReceiver() override;

    // Listens on 127.0.0.1:port (0 = any free port). False with errorString() when the port is taken.
    bool listen(quint16 port = 0, const QString& path = QStringLiteral("/callback"));
    void close();
    bool isListening() const;
    // The port listened on (still known after close(), for the token request's redirect_uri).
    quint16 port() const;
    QString redirectUri() const;
    QString errorString() const { return m_error; }

    // Parses "a=1&b=%2F+x" into [("a","1"), ("b","/+x")].
    static Params parseQuery(const QByteArray& query);
    static QString value(const Params& params, const QString& name);

signals:
    // The first request on the redirect path; the receiver stops listening after it.
    void redirectReceived(const tb::LoopbackRedirectReceiver::Params& params);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);

    std::unique_ptr<QTcpServer> m_server;
    QString m_path;
    QString m_error;
    quint16 m_port = 0;
    bool m_done = false;
};

} // namespace tb
