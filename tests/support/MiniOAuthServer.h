#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

class QHttpServer;

namespace tb::test {

// A small, scriptable OAuth 2.0 authorization server on 127.0.0.1:0 for the client's unit tests: the cases the
// bundled tokenbench-server cannot be made to produce on demand (string expires_in, slow_down, refresh without
// rotation, codes with '/' and '+', a server that invalidates tokens at once). Answers like Django OAuth Toolkit.
//
//   POST /o/token/         password, client_credentials, refresh_token (rotating), authorization_code (+PKCE S256),
//                          urn:ietf:params:oauth:grant-type:device_code
//   GET  /o/authorize/     redirects at once (the test plays the browser): ?code=&state= or ?error=access_denied
//   POST /o/device/        RFC 8628 device authorization
//   POST /o/revoke_token/  RFC 7009;  POST /o/introspect/  RFC 7662
//   GET  /.well-known/oauth-authorization-server           RFC 8414 metadata
//   GET  /api/users/       200 with a valid bearer token, else 401 + WWW-Authenticate
class MiniOAuthServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MiniOAuthServer)

public:
    static constexpr const char* clientId = "test-client";
    static constexpr const char* clientSecret = "test-client-secret-4f9a1b";
    static constexpr const char* publicClientId = "public-client";
    static constexpr const char* username = "alice";
    static constexpr const char* password = "alice-password-1";

    explicit MiniOAuthServer(QObject* parent = nullptr);
    ~MiniOAuthServer() override;

    quint16 port() const { return m_port; }
    QString url(const QString& path) const;
    QString issuer() const { return url(QString()); }

    // Behaviour knobs.
    int expiresIn = 3600;
    bool expiresInAsString = false;
    bool omitExpiresIn = false;
    bool rotateRefreshTokens = true;
    bool denyAuthorization = false;
    bool codesWithSpecialCharacters = true; // codes contain '/' and '+'
    int deviceSlowDowns = 0;                // slow_down answers before the first authorization_pending
    int devicePendings = 1;                 // authorization_pending answers before the outcome
    bool deviceDenied = false;
    int deviceInterval = 5;

    // What happened.
    QMap<QString, int> grantCounts; // by grant_type
    QList<QByteArray> tokenRequestBodies;
    QList<QByteArray> tokenAuthorizationHeaders; // "" when none
    QList<QByteArray> authorizeQueries;
    int revocations = 0;
    int apiCalls = 0;
    QList<qint64> devicePollTimes; // msecs since epoch on the real clock (not used for asserts on timing)

    // Every access token issued so far stops working (the server-side expiry / rotation case).
    void invalidateAccessTokens() { m_access.clear(); }
    void invalidateRefreshTokens() { m_refresh.clear(); }
    bool isActive(const QString& token) const { return m_access.contains(token) || m_refresh.contains(token); }
    // Every secret value this server handed out (for plaintext scans).
    const QSet<QString>& issuedSecrets() const { return m_issued; }

private:
    struct Code
    {
        QString challenge;
        QString redirectUri;
        QString scope;
    };
    struct Device
    {
        int slowDowns = 0;
        int pendings = 0;
    };

    QByteArray issue(const QString& client, const QString& scope, bool withRefresh);
    QString newToken(int length = 30);

    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QHash<QString, QString> m_access;  // token -> scope
    QHash<QString, QString> m_refresh; // token -> scope
    QHash<QString, Code> m_codes;
    QHash<QString, Device> m_devices;
    QSet<QString> m_issued;
};

} // namespace tb::test
