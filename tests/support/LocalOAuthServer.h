#pragma once

#include "server/Server.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>

namespace tb::test {

// The bundled reference server in-process for tests: 127.0.0.1, port 0, in-memory SQLite, the demo seed
// (resources/demo/seed.json), 1000 PBKDF2 iterations, and a manual clock. It serves from the thread that
// created it, so tests wait with QSignalSpy::wait / QTRY_* (which run the event loop), never with blocking
// calls.
//
//   tb::test::LocalOAuthServer server;
//   QVERIFY2(server.start(), qPrintable(server.errorString()));
//   QUrl token = server.url("/o/token/");
//   server.advance(86401); // every access token issued so far is now expired
class LocalOAuthServer
{
public:
    struct Options
    {
        bool enforceScopes = false;
        qint64 accessTokenTtl = 86400;
        qint64 refreshTokenTtl = 0;
        int passwordIterations = 1000;
        int idleTimeoutMs = 30000;
        QString databasePath = QStringLiteral(":memory:");
        bool demoSeed = true;
    };

    LocalOAuthServer();
    explicit LocalOAuthServer(const Options& options);
    ~LocalOAuthServer();

    bool start();
    void stop();
    QString errorString() const;
    quint16 port() const;
    QUrl baseUrl() const;
    QUrl url(const QString& pathAndQuery) const;
    tb::server::Server& server() { return *m_server; }

    // The injected clock (seconds since the epoch); starts at the real time.
    qint64 now() const { return m_clock->load(); }
    void setNow(qint64 secondsSinceEpoch) { m_clock->store(secondsSinceEpoch); }
    void advance(qint64 seconds) { m_clock->fetch_add(seconds); }

    // What reached the server, in order: its request log (method, path without the query, status).
    const QList<tb::server::RequestLogEntry>& requests() const { return *m_requests; }
    int requestCount(const QByteArray& method, const QByteArray& path) const;
    int tokenRequests() const { return requestCount("POST", "/o/token/"); }
    // What the users API says to an access token: 200, 401 (unknown, expired, revoked) or 403 (no user behind it).
    int apiStatus(const QString& accessToken) const;

    // An authorization code for a demo client and user, as /o/authorize/ would issue it (60 s, single use).
    // method: "" (no PKCE), "plain" or "S256"; challenge: the code_challenge sent to /o/authorize/.
    QString issueAuthorizationCode(const QString& clientId, const QString& username, const QString& redirectUri,
                                   const QString& scope = QStringLiteral("read write groups"),
                                   const QString& challenge = {}, const QString& method = {});

    // The demo seed's public test credentials.
    static QString demoUsername() { return QStringLiteral("alice"); }
    static QString demoPassword() { return QStringLiteral("alice-password-1"); }
    static QString otherUsersPassword() { return QStringLiteral("user-password-1"); }
    static QString passwordClientId() { return QStringLiteral("refpeer-password-client"); }
    static QString passwordClientSecret() { return QStringLiteral("refpeer-password-secret-6f1d2c9b8a7e4d30"); }
    static QString ccClientId() { return QStringLiteral("refpeer-cc-client"); }
    static QString ccClientSecret() { return QStringLiteral("refpeer-cc-secret-0a9b8c7d6e5f4321"); }
    static QString authCodeClientId() { return QStringLiteral("refpeer-authcode-client"); }
    static QString authCodeClientSecret() { return QStringLiteral("refpeer-authcode-secret-1b2c3d4e5f60718"); }
    static QString publicClientId() { return QStringLiteral("refpeer-public-authcode-client"); }
    static QString resourceServerClientId() { return QStringLiteral("tokenbench-resource-server"); }
    static QString resourceServerClientSecret() { return QStringLiteral("tokenbench-resource-secret-7c41d0e9a2b3"); }
    static QString deviceClientId() { return QStringLiteral("tokenbench-device-client"); }
    // "Authorization: Basic ..." header lines for the seeded confidential clients.
    static QByteArray passwordClientAuth();
    static QByteArray ccClientAuth();
    static QByteArray authCodeClientAuth();
    static QByteArray resourceServerAuth();
    static QString redirectUri() { return QStringLiteral("http://127.0.0.1:8765/callback"); }

private:
    Options m_options;
    std::shared_ptr<std::atomic<qint64>> m_clock;
    std::shared_ptr<QList<tb::server::RequestLogEntry>> m_requests;
    std::unique_ptr<tb::server::Server> m_server;
};

} // namespace tb::test
