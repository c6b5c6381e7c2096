#include "auth/Discovery.h"
#include "auth/OAuthClient.h"
#include "core/MockClock.h"
#include "support/Await.h"
#include "support/LocalOAuthServer.h"
#include "support/MiniOAuthServer.h"
#include "support/TestHttpServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

using tb::OAuthClient;
using tb::OAuthProfile;
using tb::TokenResult;
using tb::test::LocalOAuthServer;
using tb::test::MiniOAuthServer;

using Json = std::pair<QJsonObject, std::optional<tb::OAuthError>>;

// The grants against the bundled server (tokenbench_server in-process on 127.0.0.1:0, real sockets). What is sent
// byte by byte is checked against TestHttpServer's /echo; MiniOAuthServer remains only for answers the bundled
// server never gives (expires_in as a string, refresh without rotation).
class TestOAuthClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    tb::MockClock m_clock;
    std::unique_ptr<LocalOAuthServer> m_server;

    QString url(const QString& path) const { return m_server->url(path).toString(); }

    OAuthProfile passwordProfile(OAuthProfile::ClientAuth auth) const
    {
        OAuthProfile p;
        p.name = QStringLiteral("test");
        p.grantType = OAuthProfile::GrantType::Password;
        p.tokenUrl = url(QStringLiteral("/o/token/"));
        p.revocationUrl = url(QStringLiteral("/o/revoke_token/"));
        p.introspectionUrl = url(QStringLiteral("/o/introspect/"));
        p.clientId = LocalOAuthServer::passwordClientId();
        p.clientAuth = auth;
        p.username = LocalOAuthServer::demoUsername();
        p.scope = QStringLiteral("read write");
        return p;
    }
    OAuthProfile clientCredentialsProfile(OAuthProfile::ClientAuth auth) const
    {
        OAuthProfile p = passwordProfile(auth);
        p.grantType = OAuthProfile::GrantType::ClientCredentials;
        p.clientId = LocalOAuthServer::ccClientId();
        p.username.clear();
        return p;
    }
    static QByteArray why(const TokenResult& r) { return r.error ? r.error->message().toUtf8() : QByteArray(); }

    TokenResult awaitToken(const std::function<void(OAuthClient::TokenCallback)>& call)
    {
        auto r = tb::test::await<TokenResult>([&](auto done) { call(done); });
        return r.value_or(TokenResult::failure(
            tb::OAuthError::make(tb::OAuthError::Kind::Timeout, QStringLiteral("test"), QStringLiteral("no answer"))));
    }
private slots:
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void passwordGrantBothClientAuthMethods_data()
    {
        QTest::addColumn<OAuthProfile::ClientAuth>("auth");
        QTest::newRow("basic") << OAuthProfile::ClientAuth::Basic;
        QTest::newRow("post") << OAuthProfile::ClientAuth::Body;
    }
    void passwordGrantBothClientAuthMethods()
    {
        QFETCH(OAuthProfile::ClientAuth, auth);
        OAuthClient client(&m_network, &m_clock);
        const TokenResult r = awaitToken([&](auto done) {
            client.passwordGrant(passwordProfile(auth), LocalOAuthServer::passwordClientSecret(),
                                 LocalOAuthServer::demoPassword(), this, done);
        });
        QVERIFY2(r.ok(), why(r).constData());
        QCOMPARE(m_server->apiStatus(r.tokens.accessToken), 200);
        QVERIFY(r.tokens.hasRefreshToken());
        QCOMPARE(r.tokens.lifetimeSeconds(), 86400);
        QCOMPARE(r.tokens.scope, QStringLiteral("read write"));
        QCOMPARE(r.tokens.obtainedAt, m_clock.now());
        QCOMPARE(m_server->tokenRequests(), 1);
    }

    void requestBytesForBothClientAuthMethods_data() { passwordGrantBothClientAuthMethods_data(); }
    void requestBytesForBothClientAuthMethods()
    {
        // What goes on the wire, seen by an echo server: exactly like the seed's curl -d.
        QFETCH(OAuthProfile::ClientAuth, auth);
        tb::test::TestHttpServer echo;
        OAuthClient client(&m_network, &m_clock);
        OAuthProfile p = passwordProfile(auth);
        p.tokenUrl = echo.urlString(QStringLiteral("/echo"));
        p.tokenParams = {{QStringLiteral("audience"), QStringLiteral("https://api.example")}};
        awaitToken([&](auto done) {
            client.passwordGrant(p, LocalOAuthServer::passwordClientSecret(), LocalOAuthServer::demoPassword(), this,
                                 done);
        });
        QCOMPARE(echo.requests().size(), 1);
        const auto& sent = echo.requests().first();
        QCOMPARE(sent.method, QByteArray("POST"));
        QByteArray authorization;
        QByteArray contentType;
        for (const auto& [name, value] : sent.headers) {
            if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                authorization = value;
            if (name.compare("content-type", Qt::CaseInsensitive) == 0)
                contentType = value;
        }
        QCOMPARE(contentType, QByteArray("application/x-www-form-urlencoded"));
        QVERIFY2(sent.body.startsWith("grant_type=password&username=alice&password=alice-password-1"),
                 sent.body.constData());
        QVERIFY(sent.body.contains("audience=https%3A%2F%2Fapi.example"));
        if (auth == OAuthProfile::ClientAuth::Basic) {
            QCOMPARE(authorization,
                     "Basic " + (LocalOAuthServer::passwordClientId() + u':' + LocalOAuthServer::passwordClientSecret())
                                    .toUtf8()
                                    .toBase64());
            QVERIFY(!sent.body.contains("client_secret"));
        } else {
            QVERIFY(authorization.isEmpty());
            QVERIFY(sent.body.contains("&client_id=" + LocalOAuthServer::passwordClientId().toUtf8() +
                                       "&client_secret=" + LocalOAuthServer::passwordClientSecret().toUtf8()));
        }
    }

    void clientCredentialsBothClientAuthMethods_data() { passwordGrantBothClientAuthMethods_data(); }
    void clientCredentialsBothClientAuthMethods()
    {
        QFETCH(OAuthProfile::ClientAuth, auth);
        OAuthClient client(&m_network, &m_clock);
        const TokenResult r = awaitToken([&](auto done) {
            client.clientCredentialsGrant(clientCredentialsProfile(auth), LocalOAuthServer::ccClientSecret(), this,
                                          done);
        });
        QVERIFY2(r.ok(), why(r).constData());
        // Accepted (not 401), but the users API wants a user behind the token: 403, as Django REST Framework says.
        QCOMPARE(m_server->apiStatus(r.tokens.accessToken), 403);
        QVERIFY(!r.tokens.hasRefreshToken()); // RFC 6749 section 4.4.3
        QCOMPARE(r.tokens.lifetimeSeconds(), 86400);
    }

    void wrongPasswordIsInvalidGrant()
    {
        OAuthClient client(&m_network, &m_clock);
        const TokenResult r = awaitToken([&](auto done) {
            client.passwordGrant(passwordProfile(OAuthProfile::ClientAuth::Basic),
                                 LocalOAuthServer::passwordClientSecret(), QStringLiteral("nope"), this, done);
        });
        QVERIFY(!r.ok());
        QVERIFY(r.error->isInvalidGrant());
        QCOMPARE(r.error->message(), QStringLiteral("invalid_grant: Invalid credentials given. (HTTP 400)"));
    }

    void wrongClientSecretIsInvalidClient_data() { passwordGrantBothClientAuthMethods_data(); }
    void wrongClientSecretIsInvalidClient()
    {
        QFETCH(OAuthProfile::ClientAuth, auth);
        OAuthClient client(&m_network, &m_clock);
        const TokenResult r = awaitToken([&](auto done) {
            client.clientCredentialsGrant(clientCredentialsProfile(auth), QStringLiteral("bad"), this, done);
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error, QStringLiteral("invalid_client"));
        QCOMPARE(r.error->httpStatus, 401);
    }

    void refreshRotates()
    {
        OAuthClient client(&m_network, &m_clock);
        const auto p = passwordProfile(OAuthProfile::ClientAuth::Basic);
        const QString secret = LocalOAuthServer::passwordClientSecret();
        const TokenResult first = awaitToken(
            [&](auto done) { client.passwordGrant(p, secret, LocalOAuthServer::demoPassword(), this, done); });
        QVERIFY2(first.ok(), why(first).constData());
        const TokenResult second = awaitToken([&](auto done) { client.refresh(p, secret, first.tokens, this, done); });
        QVERIFY2(second.ok(), why(second).constData());
        QVERIFY(second.tokens.refreshToken != first.tokens.refreshToken);
        QVERIFY(second.tokens.accessToken != first.tokens.accessToken);
        QCOMPARE(m_server->apiStatus(second.tokens.accessToken), 200);
        // The old refresh token is dead now.
        const TokenResult reuse = awaitToken([&](auto done) { client.refresh(p, secret, first.tokens, this, done); });
        QVERIFY(reuse.error && reuse.error->isInvalidGrant());
    }

    void revokeThenIntrospect()
    {
        OAuthClient client(&m_network, &m_clock);
        const auto p = clientCredentialsProfile(OAuthProfile::ClientAuth::Basic);
        const QString secret = LocalOAuthServer::ccClientSecret();
        const TokenResult t = awaitToken([&](auto done) { client.clientCredentialsGrant(p, secret, this, done); });
        QVERIFY2(t.ok(), why(t).constData());
        auto introspect = [&] {
            return tb::test::await<Json>([&](auto done) {
                client.introspect(p, secret, t.tokens.accessToken, this,
                                  [done](const QJsonObject& j, const std::optional<tb::OAuthError>& e) {
                                      done({j, e});
                                  });
            });
        };
        auto before = introspect();
        QVERIFY(before && !before->second);
        QCOMPARE(before->first.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(before->first.value(QStringLiteral("client_id")).toString(), LocalOAuthServer::ccClientId());
        auto revoked = tb::test::await<std::optional<tb::OAuthError>>([&](auto done) {
            client.revoke(p, secret, t.tokens.accessToken, QStringLiteral("access_token"), this, done);
        });
        QVERIFY(revoked && !*revoked);
        auto after = introspect();
        QVERIFY(after && !after->second);
        QCOMPARE(after->first.value(QStringLiteral("active")).toBool(true), false);
        QCOMPARE(m_server->apiStatus(t.tokens.accessToken), 401);
    }

    void discovery()
    {
        OAuthClient client(&m_network, &m_clock);
        using Result = std::pair<std::optional<tb::AuthServerMetadata>, std::optional<tb::OAuthError>>;
        auto r = tb::test::await<Result>([&](auto done) {
            tb::Discovery::discover(client, m_server->baseUrl().toString(), this, [done](const auto& m, const auto& e) {
                done({m, e});
            });
        });
        QVERIFY(r && r->first);
        OAuthProfile p;
        p.revocationUrl = QStringLiteral("https://mine.example/revoke");
        r->first->applyTo(p);
        QCOMPARE(p.tokenUrl, url(QStringLiteral("/o/token/")));
        QCOMPARE(p.authorizeUrl, url(QStringLiteral("/o/authorize/")));
        QCOMPARE(p.introspectionUrl, url(QStringLiteral("/o/introspect/")));
        QCOMPARE(p.deviceAuthorizationUrl, url(QStringLiteral("/o/device_authorization/")));
        QCOMPARE(p.revocationUrl, QStringLiteral("https://mine.example/revoke")); // what the user set wins

        // A discovered profile gets a token.
        p.grantType = OAuthProfile::GrantType::ClientCredentials;
        p.clientId = LocalOAuthServer::ccClientId();
        const TokenResult t = awaitToken(
            [&](auto done) { client.clientCredentialsGrant(p, LocalOAuthServer::ccClientSecret(), this, done); });
        QVERIFY2(t.ok(), why(t).constData());

        QCOMPARE(tb::Discovery::candidateUrls(QStringLiteral("https://h.example/tenant/")),
                 (QList<QUrl>{QUrl(QStringLiteral("https://h.example/.well-known/oauth-authorization-server/tenant")),
                              QUrl(QStringLiteral("https://h.example/tenant/.well-known/openid-configuration"))}));

        // Nothing there: both URLs are named in the error.
        auto missing = tb::test::await<Result>([&](auto done) {
            tb::Discovery::discover(client, url(QStringLiteral("/nothing")), this,
                                    [done](const auto& m, const auto& e) {
                                        done({m, e});
                                    });
        });
        QVERIFY(missing && !missing->first);
        QVERIFY(missing->second->message().contains(u"openid-configuration"));
    }

    void unreachableServerIsANetworkError()
    {
        OAuthClient client(&m_network, &m_clock);
        OAuthProfile p;
        p.tokenUrl = QStringLiteral("http://127.0.0.1:1/o/token/");
        p.clientId = QStringLiteral("x");
        const TokenResult r = awaitToken([&](auto done) { client.clientCredentialsGrant(p, {}, this, done); });
        QCOMPARE(r.error->kind, tb::OAuthError::Kind::Network);
        QVERIFY(r.error->message().contains(u"127.0.0.1:1"));
    }

    // MiniOAuthServer: the bundled server always sends expires_in as a number and always rotates refresh tokens.

    void stringExpiresIn()
    {
        MiniOAuthServer mini;
        mini.expiresInAsString = true;
        mini.expiresIn = 120;
        OAuthClient client(&m_network, &m_clock);
        OAuthProfile p = clientCredentialsProfile(OAuthProfile::ClientAuth::Basic);
        p.tokenUrl = mini.url(QStringLiteral("/o/token/"));
        p.clientId = QLatin1String(MiniOAuthServer::clientId);
        const TokenResult r = awaitToken([&](auto done) {
            client.clientCredentialsGrant(p, QLatin1String(MiniOAuthServer::clientSecret), this, done);
        });
        QVERIFY2(r.ok(), why(r).constData());
        QCOMPARE(r.tokens.lifetimeSeconds(), 120);
    }

    void refreshWithoutRotationKeepsTheOldRefreshToken()
    {
        MiniOAuthServer mini;
        mini.rotateRefreshTokens = false;
        OAuthClient client(&m_network, &m_clock);
        OAuthProfile p = passwordProfile(OAuthProfile::ClientAuth::Body);
        p.tokenUrl = mini.url(QStringLiteral("/o/token/"));
        p.clientId = QLatin1String(MiniOAuthServer::clientId);
        const QString secret = QLatin1String(MiniOAuthServer::clientSecret);
        const TokenResult first = awaitToken(
            [&](auto done) { client.passwordGrant(p, secret, QLatin1String(MiniOAuthServer::password), this, done); });
        const TokenResult second = awaitToken([&](auto done) { client.refresh(p, secret, first.tokens, this, done); });
        QVERIFY(second.ok());
        QCOMPARE(second.tokens.refreshToken, first.tokens.refreshToken);
        QVERIFY(second.tokens.accessToken != first.tokens.accessToken);
    }
};

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "TestOAuthClient.moc"
