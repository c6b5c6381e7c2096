#include "auth/AuthorizedSender.h"
#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "core/MockClock.h"
#include "secrets/MemorySecretStore.h"
#include "support/Await.h"
#include "support/MiniOAuthServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using tb::OAuthProfile;
using tb::TokenManager;
using tb::test::MiniOAuthServer;

using Access = TokenManager::Access;
using Done = std::pair<std::optional<tb::OAuthError>, QStringList>;

class TestTokenManager : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static OAuthProfile passwordProfile(const MiniOAuthServer& server)
    {
        OAuthProfile p;
        p.name = QStringLiteral("demo");
        p.grantType = OAuthProfile::GrantType::Password;
        p.issuer = server.issuer(); // endpoints by discovery
        p.clientId = QLatin1String(MiniOAuthServer::clientId);
        p.clientSecretRef = QStringLiteral("client_secret"); // in the store
        p.username = QLatin1String(MiniOAuthServer::username);
        p.passwordRef = QStringLiteral("env:TB_TEST_PASSWORD");
        p.scope = QStringLiteral("read write");
        return p;
    }

    static void storeClientSecret(tb::MemorySecretStore& store)
    {
        const QString key =
            tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"), QStringLiteral("client_secret"));
        store.write(key, MiniOAuthServer::clientSecret, nullptr, {});
    }

    Access access(TokenManager& m, const QString& name = QStringLiteral("demo"))
    {
        auto r = tb::test::await<Access>([&](auto done) { m.accessToken(name, this, done); });
        return r.value_or(
            Access{{}, {}, tb::OAuthError::make(tb::OAuthError::Kind::Timeout, {}, QStringLiteral("none"))});
    }
    static QByteArray why(const Access& a) { return a.error ? a.error->message().toUtf8() : QByteArray(); }

private slots:
    void initTestCase() { qputenv("TB_TEST_PASSWORD", MiniOAuthServer::password); }

    void fetchPersistsThroughTheStoreOnly()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        tb::MockClock clock;
        TokenManager manager(&store, &m_network, &clock);
        manager.setProfile(passwordProfile(server));
        QSignalSpy states(&manager, &TokenManager::stateChanged);
        const Access a = access(manager);
        QVERIFY2(a.ok(), why(a).constData());
        QVERIFY(server.isActive(a.accessToken));
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Valid);
        QCOMPARE(states.first().at(1).value<TokenManager::State>(), TokenManager::State::Fetching);
        QCOMPARE(a.authorizationHeader(), QStringLiteral("Bearer ") + a.accessToken);

        const QString key =
            tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"), QStringLiteral("tokens"));
        const auto saved = tb::TokenSet::fromJson(QJsonDocument::fromJson(store.value(key)).object());
        QCOMPARE(saved.accessToken, a.accessToken);
        QVERIFY(saved.hasRefreshToken());

        // A second manager (next program run) starts from the store: no token request.
        const int requests = server.tokenRequestBodies.size();
        TokenManager again(&store, &m_network, &clock);
        again.setProfile(passwordProfile(server));
        QCOMPARE(access(again).accessToken, a.accessToken);
        QCOMPARE(server.tokenRequestBodies.size(), requests);
    }

    void missingSecretsSayWhatToDo()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store; // no client secret stored
        TokenManager manager(&store, &m_network);
        manager.setProfile(passwordProfile(server));
        const Access a = access(manager);
        QVERIFY(!a.ok());
        QVERIFY2(a.error->message().contains(u"tokenbench-cli secrets set --profile demo client_secret"),
                 why(a).constData());
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Failed);

        OAuthProfile p = passwordProfile(server);
        p.clientSecretRef = QStringLiteral("env:TB_TEST_UNSET_VARIABLE");
        manager.setProfile(p);
        QVERIFY(access(manager).error->message().contains(u"TB_TEST_UNSET_VARIABLE"));
        QVERIFY(!access(manager, QStringLiteral("nope")).error->message().isEmpty());
    }

    void proactiveRefreshOnTheMockClock()
    {
        MiniOAuthServer server;
        server.expiresIn = 100;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        tb::MockClock clock;
        TokenManager manager(&store, &m_network, &clock);
        manager.setProfile(passwordProfile(server));
        QSignalSpy refreshed(&manager, &TokenManager::tokenRefreshed);
        const Access first = access(manager);
        QVERIFY(first.ok());
        // Lead time: 5% of 100 s is under the 10 s floor, so the refresh is due at 90 s.
        clock.advance(89);
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 0);
        clock.advance(1);
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Refreshing);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 1);
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Valid);
        const QString second = manager.tokens(QStringLiteral("demo")).accessToken;
        QVERIFY(second != first.accessToken);
        QVERIFY(server.isActive(second));
        // And again 90 s after that refresh.
        clock.advance(90);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 2);
    }

    void failedProactiveRefreshThenExpiry()
    {
        auto server = std::make_unique<MiniOAuthServer>();
        server->expiresIn = 100;
        OAuthProfile p = passwordProfile(*server);
        p.issuer.clear();
        p.tokenUrl = server->url(QStringLiteral("/o/token/"));
        tb::MemorySecretStore store;
        storeClientSecret(store);
        tb::MockClock clock;
        TokenManager manager(&store, &m_network, &clock);
        manager.setProfile(p);
        QVERIFY(access(manager).ok());
        server.reset(); // the server goes away
        QSignalSpy failed(&manager, &TokenManager::refreshFailed);
        clock.advance(90);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().at(1).value<tb::OAuthError>().kind, tb::OAuthError::Kind::Network);
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Valid); // still usable for 10 s
        clock.advance(10);
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Expired);
    }

    void fiftyConcurrentNeedsWithAnExpiredTokenMakeOneRefresh()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        tb::MockClock clock;
        {
            TokenManager first(&store, &m_network, &clock);
            first.setProfile(passwordProfile(server));
            QVERIFY(access(first).ok());
        }
        clock.advance(3601); // the saved token has expired (nobody was running to refresh it)
        TokenManager manager(&store, &m_network, &clock);
        manager.setProfile(passwordProfile(server));
        tb::HttpExecutor executor;
        tb::AuthorizedSender sender(&executor, &manager);
        QSignalSpy finished(&sender, &tb::AuthorizedSender::finished);
        tb::RequestSpec spec;
        spec.url = server.url(QStringLiteral("/api/users/"));
        spec.auth.kind = tb::AuthSpec::Kind::OAuth2;
        spec.auth.oauthProfile = QStringLiteral("demo");
        for (int i = 0; i < 50; ++i)
            sender.send(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 50, 30'000);
        for (const auto& args : finished)
            QCOMPARE(args.at(1).value<tb::ResponseRecord>().status, 200);
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 1);
        QCOMPARE(server.grantCounts.value(QStringLiteral("password")), 1);
        QCOMPARE(sender.retriedCount(), 0);
    }

    void fiftyConcurrent401sMakeOneRefreshAndOneRetryEach()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        tb::MockClock clock;
        TokenManager manager(&store, &m_network, &clock);
        manager.setProfile(passwordProfile(server));
        QVERIFY(access(manager).ok());
        server.invalidateAccessTokens(); // revoked at the server; the client still believes in it
        tb::HttpExecutor executor;
        tb::AuthorizedSender sender(&executor, &manager);
        QSignalSpy finished(&sender, &tb::AuthorizedSender::finished);
        tb::RequestSpec spec;
        spec.url = server.url(QStringLiteral("/api/users/"));
        spec.auth.kind = tb::AuthSpec::Kind::OAuth2;
        spec.auth.oauthProfile = QStringLiteral("demo");
        for (int i = 0; i < 50; ++i)
            sender.send(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 50, 30'000);
        for (const auto& args : finished)
            QCOMPARE(args.at(1).value<tb::ResponseRecord>().status, 200);
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 1);
        QCOMPARE(sender.retriedCount(), 50);
        QCOMPARE(server.apiCalls, 100);
    }

    void secondUnauthorizedIsReturnedAsIs()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        TokenManager manager(&store, &m_network);
        manager.setProfile(passwordProfile(server));
        tb::HttpExecutor executor;
        tb::AuthorizedSender sender(&executor, &manager);
        QSignalSpy finished(&sender, &tb::AuthorizedSender::finished);
        tb::RequestSpec spec;
        spec.url = server.url(QStringLiteral("/api/users/"));
        spec.auth.kind = tb::AuthSpec::Kind::OAuth2;
        spec.auth.oauthProfile = QStringLiteral("demo");
        QVERIFY(access(manager).ok());
        // Every token the server issues from now on is useless for the API: invalidate them as they come.
        connect(&manager, &TokenManager::tokenChanged, &server, [&server] { server.invalidateAccessTokens(); });
        server.invalidateAccessTokens();
        sender.send(spec);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().at(1).value<tb::ResponseRecord>().status, 401);
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 1);
        QCOMPARE(server.apiCalls, 2);
    }

    void invalidGrantReRunsAPersonLessGrantOnce()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        TokenManager manager(&store, &m_network);
        manager.setProfile(passwordProfile(server));
        QVERIFY(access(manager).ok());
        server.invalidateRefreshTokens();
        QSignalSpy failed(&manager, &TokenManager::refreshFailed);
        QSignalSpy reauth(&manager, &TokenManager::reauthenticationRequired);
        auto r = tb::test::await<Access>([&](auto done) { manager.refresh(QStringLiteral("demo"), this, done); });
        QVERIFY(r && r->ok());
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(1).value<tb::OAuthError>().isInvalidGrant());
        QCOMPARE(reauth.count(), 0);
        QCOMPARE(server.grantCounts.value(QStringLiteral("password")), 2);
        QVERIFY(server.isActive(r->accessToken));
    }

    void invalidGrantAsksForSignInWhenAPersonIsNeeded()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        // Get a refresh token, then start a "refresh_token" profile from it (no stored password to fall back on).
        tb::OAuthClient client(&m_network, tb::Clock::system());
        OAuthProfile pp = passwordProfile(server);
        pp.tokenUrl = server.url(QStringLiteral("/o/token/"));
        auto seed = tb::test::await<tb::TokenResult>([&](auto done) {
            client.passwordGrant(pp, QLatin1String(MiniOAuthServer::clientSecret),
                                 QLatin1String(MiniOAuthServer::password), this, done);
        });
        QVERIFY(seed && seed->ok());
        qputenv("TB_TEST_REFRESH", seed->tokens.refreshToken.toUtf8());
        OAuthProfile p = pp;
        p.grantType = OAuthProfile::GrantType::RefreshToken;
        p.passwordRef.clear();
        p.refreshTokenRef = QStringLiteral("env:TB_TEST_REFRESH");
        TokenManager manager(&store, &m_network);
        manager.setProfile(p);
        QVERIFY(access(manager).ok()); // the seed refresh token works once (rotation)
        server.invalidateRefreshTokens();
        QSignalSpy reauth(&manager, &TokenManager::reauthenticationRequired);
        auto r = tb::test::await<Access>([&](auto done) { manager.refresh(QStringLiteral("demo"), this, done); });
        QVERIFY(r && !r->ok());
        QVERIFY(r->error->message().contains(u"sign in again"));
        QCOMPARE(reauth.count(), 1);
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Failed);
        QVERIFY(!manager.tokens(QStringLiteral("demo")).hasRefreshToken()); // dropped, never sent again
        const QString key =
            tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"), QStringLiteral("tokens"));
        QTRY_VERIFY(!store.value(key).contains("refresh_token"));
    }

    void concurrentFailuresShareOneError()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        qputenv("TB_TEST_WRONG_PASSWORD", "wrong");
        OAuthProfile p = passwordProfile(server);
        p.passwordRef = QStringLiteral("env:TB_TEST_WRONG_PASSWORD");
        TokenManager manager(&store, &m_network);
        manager.setProfile(p);
        QList<Access> results;
        for (int i = 0; i < 10; ++i)
            manager.accessToken(QStringLiteral("demo"), this, [&results](const Access& a) { results << a; });
        QTRY_COMPARE(results.size(), 10);
        for (const Access& a : results)
            QCOMPARE(a.error->message(), QStringLiteral("invalid_grant: Invalid credentials given. (HTTP 400)"));
        QCOMPARE(server.grantCounts.value(QStringLiteral("password")), 1);
        QCOMPARE(manager.lastError(QStringLiteral("demo")), results.first().error->message());
    }

    void revokeThenIntrospect()
    {
        MiniOAuthServer server;
        tb::MemorySecretStore store;
        storeClientSecret(store);
        TokenManager manager(&store, &m_network);
        manager.setProfile(passwordProfile(server));
        const Access a = access(manager);
        const QString refresh = manager.tokens(QStringLiteral("demo")).refreshToken;
        using Json = std::pair<QJsonObject, std::optional<tb::OAuthError>>;
        auto introspect = [&] {
            return tb::test::await<Json>([&](auto done) {
                manager.introspect(QStringLiteral("demo"), false, this, [done](const QJsonObject& j, const auto& e) {
                    done({j, e});
                });
            });
        };
        QCOMPARE(introspect()->first.value(QStringLiteral("active")).toBool(), true);
        auto revoked = tb::test::await<Done>([&](auto done) {
            manager.revoke(QStringLiteral("demo"), this, [done](const auto& e, const auto& w) { done({e, w}); });
        });
        QVERIFY(revoked && !revoked->first);
        QVERIFY(revoked->second.isEmpty());
        QCOMPARE(server.revocations, 2); // refresh token and access token
        QVERIFY(!server.isActive(a.accessToken));
        QVERIFY(!server.isActive(refresh));
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::None);
        QVERIFY(store.keys().filter(QStringLiteral("tokens")).isEmpty());
        QVERIFY(introspect()->second->message().contains(u"no access token"));

        // The server's view of the old token, asked directly.
        tb::OAuthClient client(&m_network, tb::Clock::system());
        OAuthProfile p = passwordProfile(server);
        p.introspectionUrl = server.url(QStringLiteral("/o/introspect/"));
        auto direct = tb::test::await<Json>([&](auto done) {
            client.introspect(p, QLatin1String(MiniOAuthServer::clientSecret), a.accessToken, this,
                              [done](const QJsonObject& j, const auto& e) {
                                  done({j, e});
                              });
        });
        QCOMPARE(direct->first.value(QStringLiteral("active")).toBool(true), false);
    }

    void revokeWithTheServerGoneStillDropsTheLocalCopy()
    {
        auto server = std::make_unique<MiniOAuthServer>();
        tb::MemorySecretStore store;
        storeClientSecret(store);
        OAuthProfile p = passwordProfile(*server);
        p.issuer.clear();
        p.tokenUrl = server->url(QStringLiteral("/o/token/"));
        p.revocationUrl = server->url(QStringLiteral("/o/revoke_token/"));
        TokenManager manager(&store, &m_network);
        manager.setProfile(p);
        QVERIFY(access(manager).ok());
        server.reset();
        auto revoked = tb::test::await<Done>([&](auto done) {
            manager.revoke(QStringLiteral("demo"), this, [done](const auto& e, const auto& w) { done({e, w}); });
        });
        QVERIFY(revoked && !revoked->first);
        QCOMPARE(revoked->second.size(), 2);
        QVERIFY(revoked->second.first().contains(u"could not be reached"));
        QVERIFY(manager.tokens(QStringLiteral("demo")).isEmpty());
        QVERIFY(store.keys().filter(QStringLiteral("tokens")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenManager)
#include "TestTokenManager.moc"
