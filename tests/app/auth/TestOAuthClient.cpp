#include "auth/Discovery.h"
#include "auth/OAuthClient.h"
#include "core/MockClock.h"
#include "support/Await.h"
#include "support/MiniOAuthServer.h"

#include <QNetworkAccessManager>
#include <QTest>

using tb::OAuthClient;
using tb::OAuthProfile;
using tb::TokenResult;
using tb::test::MiniOAuthServer;

class TestOAuthClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    tb::MockClock m_clock;

    OAuthProfile profile(const MiniOAuthServer& server, OAuthProfile::ClientAuth auth) const
    {
        OAuthProfile p;
        p.name = QStringLiteral("test");
        p.tokenUrl = server.url(QStringLiteral("/o/token/"));
        p.revocationUrl = server.url(QStringLiteral("/o/revoke_token/"));
        p.introspectionUrl = server.url(QStringLiteral("/o/introspect/"));
        p.clientId = QLatin1String(MiniOAuthServer::clientId);
        p.clientAuth = auth;
        p.username = QLatin1String(MiniOAuthServer::username);
        p.scope = QStringLiteral("read write");
        return p;
    }
    static QByteArray why(const TokenResult& r) { return r.error ? r.error->message().toUtf8() : QByteArray(); }
    static QString secret() { return QLatin1String(MiniOAuthServer::clientSecret); }

    TokenResult awaitToken(const std::function<void(OAuthClient::TokenCallback)>& call)
    {
        auto r = tb::test::await<TokenResult>([&](auto done) { call(done); });
        return r.value_or(TokenResult::failure(
            tb::OAuthError::make(tb::OAuthError::Kind::Timeout, QStringLiteral("test"), QStringLiteral("no answer"))));
    }

private slots:
    void passwordGrantBothClientAuthMethods_data()
    {
        QTest::addColumn<OAuthProfile::ClientAuth>("auth");
        QTest::newRow("basic") << OAuthProfile::ClientAuth::Basic;
        QTest::newRow("post") << OAuthProfile::ClientAuth::Body;
    }
    void passwordGrantBothClientAuthMethods()
    {
        QFETCH(OAuthProfile::ClientAuth, auth);
        MiniOAuthServer server;
        OAuthClient client(&m_network, &m_clock);
        const auto p = profile(server, auth);
        const TokenResult r = awaitToken([&](auto done) {
            client.passwordGrant(p, secret(), QLatin1String(MiniOAuthServer::password), this, done);
        });
        QVERIFY2(r.ok(), why(r).constData());
        QVERIFY(server.isActive(r.tokens.accessToken));
        QVERIFY(r.tokens.hasRefreshToken());
        QCOMPARE(r.tokens.lifetimeSeconds(), 3600);
        QCOMPARE(r.tokens.obtainedAt, m_clock.now());
        const QByteArray body = server.tokenRequestBodies.last();
        const QByteArray header = server.tokenAuthorizationHeaders.last();
        QVERIFY(body.startsWith("grant_type=password&username=alice&password=alice-password-1"));
        if (auth == OAuthProfile::ClientAuth::Basic) {
            QVERIFY(header.startsWith("Basic "));
            QVERIFY(!body.contains("client_secret"));
        } else {
            // Exactly like the seed's curl -d: the client in the form body.
            QVERIFY(header.isEmpty());
            QVERIFY(body.contains("&client_id=test-client&client_secret=test-client-secret-4f9a1b"));
        }
    }

    void wrongPasswordIsInvalidGrant()
    {
        MiniOAuthServer server;
        OAuthClient client(&m_network, &m_clock);
        const TokenResult r = awaitToken([&](auto done) {
            client.passwordGrant(profile(server, OAuthProfile::ClientAuth::Basic), secret(), QStringLiteral("nope"),
                                 this, done);
        });
        QVERIFY(!r.ok());
        QVERIFY(r.error->isInvalidGrant());
        QCOMPARE(r.error->message(), QStringLiteral("invalid_grant: Invalid credentials given. (HTTP 400)"));
    }

    void wrongClientSecretIsInvalidClient()
    {
        MiniOAuthServer server;
        OAuthClient client(&m_network, &m_clock);
        const TokenResult r = awaitToken([&](auto done) {
            client.clientCredentialsGrant(profile(server, OAuthProfile::ClientAuth::Body), QStringLiteral("bad"), this,
                                          done);
        });
        QCOMPARE(r.error->error, QStringLiteral("invalid_client"));
        QCOMPARE(r.error->httpStatus, 401);
    }

    void clientCredentialsWithStringExpiresIn()
    {
        MiniOAuthServer server;
        server.expiresInAsString = true;
        server.expiresIn = 120;
        OAuthClient client(&m_network, &m_clock);
        auto p = profile(server, OAuthProfile::ClientAuth::Basic);
        p.tokenParams = {{QStringLiteral("audience"), QStringLiteral("https://api.example")}};
        const TokenResult r = awaitToken([&](auto done) { client.clientCredentialsGrant(p, secret(), this, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.tokens.lifetimeSeconds(), 120);
        QVERIFY(!r.tokens.hasRefreshToken());
        QCOMPARE(server.grantCounts.value(QStringLiteral("client_credentials")), 1);
        QVERIFY(server.tokenRequestBodies.last().contains("audience=https%3A%2F%2Fapi.example"));
    }

    void refreshRotates()
    {
        MiniOAuthServer server;
        OAuthClient client(&m_network, &m_clock);
        const auto p = profile(server, OAuthProfile::ClientAuth::Basic);
        const TokenResult first = awaitToken([&](auto done) {
            client.passwordGrant(p, secret(), QLatin1String(MiniOAuthServer::password), this, done);
        });
        const TokenResult second =
            awaitToken([&](auto done) { client.refresh(p, secret(), first.tokens, this, done); });
        QVERIFY(second.ok());
        QVERIFY(second.tokens.refreshToken != first.tokens.refreshToken);
        QVERIFY(!server.isActive(first.tokens.refreshToken));
        // The old refresh token is dead now.
        const TokenResult reuse = awaitToken([&](auto done) { client.refresh(p, secret(), first.tokens, this, done); });
        QVERIFY(reuse.error->isInvalidGrant());
    }

    void refreshWithoutRotationKeepsTheOldRefreshToken()
    {
        MiniOAuthServer server;
        server.rotateRefreshTokens = false;
        OAuthClient client(&m_network, &m_clock);
        const auto p = profile(server, OAuthProfile::ClientAuth::Body);
        const TokenResult first = awaitToken([&](auto done) {
            client.passwordGrant(p, secret(), QLatin1String(MiniOAuthServer::password), this, done);
        });
        const TokenResult second =
            awaitToken([&](auto done) { client.refresh(p, secret(), first.tokens, this, done); });
        QVERIFY(second.ok());
        QCOMPARE(second.tokens.refreshToken, first.tokens.refreshToken);
        QVERIFY(second.tokens.accessToken != first.tokens.accessToken);
    }

    void revokeThenIntrospect()
    {
        MiniOAuthServer server;
        OAuthClient client(&m_network, &m_clock);
        const auto p = profile(server, OAuthProfile::ClientAuth::Basic);
        const TokenResult t = awaitToken([&](auto done) { client.clientCredentialsGrant(p, secret(), this, done); });
        using Json = std::pair<QJsonObject, std::optional<tb::OAuthError>>;
        auto introspect = [&] {
            return tb::test::await<Json>([&](auto done) {
                client.introspect(p, secret(), t.tokens.accessToken, this,
                                  [done](const QJsonObject& j, const std::optional<tb::OAuthError>& e) {
                                      done({j, e});
                                  });
            });
        };
        auto before = introspect();
        QVERIFY(before && !before->second);
        QCOMPARE(before->first.value(QStringLiteral("active")).toBool(), true);
        auto revoked = tb::test::await<std::optional<tb::OAuthError>>([&](auto done) {
            client.revoke(p, secret(), t.tokens.accessToken, QStringLiteral("access_token"), this, done);
        });
        QVERIFY(revoked && !*revoked);
        auto after = introspect();
        QCOMPARE(after->first.value(QStringLiteral("active")).toBool(true), false);
    }

    void discovery()
    {
        MiniOAuthServer server;
        OAuthClient client(&m_network, &m_clock);
        using Result = std::pair<std::optional<tb::AuthServerMetadata>, std::optional<tb::OAuthError>>;
        auto r = tb::test::await<Result>([&](auto done) {
            tb::Discovery::discover(client, server.issuer(), this, [done](const auto& m, const auto& e) {
                done({m, e});
            });
        });
        QVERIFY(r && r->first);
        OAuthProfile p;
        p.revocationUrl = QStringLiteral("https://mine.example/revoke");
        r->first->applyTo(p);
        QCOMPARE(p.tokenUrl, server.url(QStringLiteral("/o/token/")));
        QCOMPARE(p.deviceAuthorizationUrl, server.url(QStringLiteral("/o/device/")));
        QCOMPARE(p.revocationUrl, QStringLiteral("https://mine.example/revoke")); // what the user set wins

        QCOMPARE(tb::Discovery::candidateUrls(QStringLiteral("https://h.example/tenant/")),
                 (QList<QUrl>{QUrl(QStringLiteral("https://h.example/.well-known/oauth-authorization-server/tenant")),
                              QUrl(QStringLiteral("https://h.example/tenant/.well-known/openid-configuration"))}));

        // Nothing there: both URLs are named in the error.
        auto missing = tb::test::await<Result>([&](auto done) {
            tb::Discovery::discover(client, server.url(QStringLiteral("/nothing")), this,
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
};

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "TestOAuthClient.moc"
