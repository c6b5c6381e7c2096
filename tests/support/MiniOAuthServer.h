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

// A small, scriptable OAuth 2.0 authorization server on 127.0.0.1:0. The client's tests run against the bundled
// server (LocalOAuthServer); this one remains only for what that server never does, each named where it is used:
// - expires_in sent as a string, and refresh without rotation (TestOAuthClient);
// - authorization codes containing '/' and '+' (TestAuthorizationCodeFlow);
// - every token value it issued, in plaintext, for the plaintext scan of the CLI flow (TestTokenCliFlow): the
//   bundled server keeps only SHA-256 digests.
// Answers like Django OAuth Toolkit:
//   POST /o/token/         password, client_credentials, refresh_token (rotating unless told), authorization_code
//                          (+PKCE S256)
//   GET  /o/authorize/     redirects at once (the test plays the browser): ?code=&state=
//   POST /o/revoke_token/  RFC 7009;  POST /o/introspect/  RFC 7662
//   GET  /.well-known/oauth-authorization-server           RFC 8414 metadata
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
    bool rotateRefreshTokens = true;

    // What happened.
    QMap<QString, int> grantCounts; // by grant_type
    QList<QByteArray> tokenRequestBodies;
    int revocations = 0;

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

    QByteArray issue(const QString& client, const QString& scope, bool withRefresh);
    QString newToken(int length = 30);

    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QHash<QString, QString> m_access;  // token -> scope
    QHash<QString, QString> m_refresh; // token -> scope
    QHash<QString, Code> m_codes;
    QSet<QString> m_issued;
};

} // namespace tb::test
