#include "auth/AuthorizedSender.h"
#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "core/MockClock.h"
#include "secrets/MemorySecretStore.h"
#include "support/Await.h"
#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using tb::OAuthProfile;
using tb::TokenManager;
using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;

using Access = TokenManager::Access;
using Done = std::pair<std::optional<tb::OAuthError>, QStringList>;
using Json = std::pair<QJsonObject, std::optional<tb::OAuthError>>;

// The TokenManager against the bundled server (tokenbench_server in-process on 127.0.0.1:0, real sockets). Two
// injected clocks, never a sleep: the manager's MockClock decides when the client thinks a token expires, the
// server's manual clock when the server does (advance it and every token issued so far is rejected with 401).
// Token requests are counted at the server, in its request log.
class TestTokenManager : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    // One server, one store holding the client secret, one mock clock, and a manager on them.
    struct Fixture
    {
        LocalOAuthServer server;
        tb::MemorySecretStore store;
        tb::MockClock clock;
        std::unique_ptr<TokenManager> manager;

        explicit Fixture(QNetworkAccessManager* network, const LocalOAuthServer::Options& options = {})
            : server(options)
        {
            if (!server.start())
                return;
            store.write(tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"),
                                                QStringLiteral("client_secret")),
                        LocalOAuthServer::passwordClientSecret().toUtf8(), nullptr, {});
            manager = std::make_unique<TokenManager>(&store, network, &clock);
            manager->setProfile(profile());
        }
        bool ok() const { return manager != nullptr; }

        OAuthProfile profile() const
        {
            OAuthProfile p;
            p.name = QStringLiteral("demo");
            p.grantType = OAuthProfile::GrantType::Password;
            p.issuer = server.baseUrl().toString(); // endpoints by discovery (RFC 8414)
            p.clientId = LocalOAuthServer::passwordClientId();
            p.clientSecretRef = QStringLiteral("client_secret"); // in the store
            p.username = LocalOAuthServer::demoUsername();
            p.passwordRef = QStringLiteral("env:TB_TEST_PASSWORD");
            p.scope = QStringLiteral("read write");
            return p;
        }
        // The same profile with its endpoints written out (no discovery request in the counts).
        OAuthProfile explicitProfile() const
        {
            OAuthProfile p = profile();
            p.issuer.clear();
            p.tokenUrl = server.url(QStringLiteral("/o/token/")).toString();
            p.revocationUrl = server.url(QStringLiteral("/o/revoke_token/")).toString();
            p.introspectionUrl = server.url(QStringLiteral("/o/introspect/")).toString();
            return p;
        }
        tb::RequestSpec usersRequest() const
        {
            tb::RequestSpec spec;
            spec.url = server.url(QStringLiteral("/api/users/")).toString();
            spec.auth.kind = tb::AuthSpec::Kind::OAuth2;
            spec.auth.oauthProfile = QStringLiteral("demo");
            return spec;
        }
        // RFC 7009 at the server, as another program would (the client keeps its copy).
        int revokeAtServer(const QString& token)
        {
            return HttpTestClient::fetch(
                       server.port(), "POST", "/o/revoke_token/",
                       {"Content-Type: application/x-www-form-urlencoded", LocalOAuthServer::passwordClientAuth()},
                       HttpTestClient::formEncode({{QStringLiteral("token"), token}}))
                .status;
        }
        int apiCalls() const { return server.requestCount("GET", "/api/users/"); }
    };

    // Sends `count` GET /api/users/ at once through an AuthorizedSender on `manager`; the statuses as they finished.
    struct Sent
    {
        QList<int> statuses;
        int retried = 0;
    };
    Sent sendAll(Fixture& f, TokenManager& manager, int count)
    {
        tb::HttpExecutor executor;
        tb::AuthorizedSender sender(&executor, &manager);
        QSignalSpy finished(&sender, &tb::AuthorizedSender::finished);
        for (int i = 0; i < count; ++i)
            sender.send(f.usersRequest());
        Sent sent;
        if (!QTest::qWaitFor([&] { return finished.count() == count; }, 30'000))
            return sent;
        for (const auto& args : finished)
            sent.statuses << args.at(1).value<tb::ResponseRecord>().status;
        sent.retried = sender.retriedCount();
        return sent;
    }
    static QList<int> all(int count, int status) { return QList<int>(count, status); }

    // The fixture's profile with its endpoints written out (no discovery in the counts), and a token held.
    bool holdToken(Fixture& f)
    {
        f.manager->setProfile(f.explicitProfile());
        return access(*f.manager).ok();
    }

    Access access(TokenManager& m, const QString& name = QStringLiteral("demo"))
    {
        auto r = tb::test::await<Access>([&](auto done) { m.accessToken(name, this, done); });
        return r.value_or(
            Access{{}, {}, tb::OAuthError::make(tb::OAuthError::Kind::Timeout, {}, QStringLiteral("none"))});
    }
    static QByteArray why(const Access& a) { return a.error ? a.error->message().toUtf8() : QByteArray(); }

private slots:
    void initTestCase() { qputenv("TB_TEST_PASSWORD", LocalOAuthServer::demoPassword().toUtf8()); }

    void fetchPersistsThroughTheStoreOnly()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QSignalSpy states(f.manager.get(), &TokenManager::stateChanged);
        const Access a = access(*f.manager);
        QVERIFY2(a.ok(), why(a).constData());
        QCOMPARE(f.server.apiStatus(a.accessToken), 200);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::Valid);
        QCOMPARE(states.first().at(1).value<TokenManager::State>(), TokenManager::State::Fetching);
        QCOMPARE(a.authorizationHeader(), QStringLiteral("Bearer ") + a.accessToken);
        QCOMPARE(f.manager->tokens(QStringLiteral("demo")).scope, QStringLiteral("read write"));

        const QString key =
            tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"), QStringLiteral("tokens"));
        const auto saved = tb::TokenSet::fromJson(QJsonDocument::fromJson(f.store.value(key)).object());
        QCOMPARE(saved.accessToken, a.accessToken);
        QVERIFY(saved.hasRefreshToken());

        // A second manager (next program run) starts from the store: no token request.
        const int requests = f.server.tokenRequests();
        QCOMPARE(requests, 1);
        TokenManager again(&f.store, &m_network, &f.clock);
        again.setProfile(f.profile());
        QCOMPARE(access(again).accessToken, a.accessToken);
        QCOMPARE(f.server.tokenRequests(), requests);
    }

    void missingSecretsSayWhatToDo()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        tb::MemorySecretStore empty; // no client secret stored
        TokenManager manager(&empty, &m_network);
        manager.setProfile(f.profile());
        const Access a = access(manager);
        QVERIFY(!a.ok());
        QVERIFY2(a.error->message().contains(u"tokenbench-cli secrets set --profile demo client_secret"),
                 why(a).constData());
        QCOMPARE(manager.state(QStringLiteral("demo")), TokenManager::State::Failed);

        OAuthProfile p = f.profile();
        p.clientSecretRef = QStringLiteral("env:TB_TEST_UNSET_VARIABLE");
        manager.setProfile(p);
        QVERIFY(access(manager).error->message().contains(u"TB_TEST_UNSET_VARIABLE"));
        QVERIFY(!access(manager, QStringLiteral("nope")).error->message().isEmpty());
        QCOMPARE(f.server.tokenRequests(), 0);
    }

    void proactiveRefreshOnTheMockClock()
    {
        LocalOAuthServer::Options options;
        options.accessTokenTtl = 100;
        Fixture f(&m_network, options);
        QVERIFY(f.ok());
        QSignalSpy refreshed(f.manager.get(), &TokenManager::tokenRefreshed);
        const Access first = access(*f.manager);
        QVERIFY(first.ok());
        const QString firstRefresh = f.manager->tokens(QStringLiteral("demo")).refreshToken;
        const int afterGrant = f.server.tokenRequests();
        // Lead time: 5% of 100 s is under the 10 s floor, so the refresh is due at 90 s.
        f.clock.advance(89);
        QCOMPARE(f.server.tokenRequests(), afterGrant);
        f.clock.advance(1);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::Refreshing);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(f.server.tokenRequests(), afterGrant + 1);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::Valid);
        const tb::TokenSet second = f.manager->tokens(QStringLiteral("demo"));
        QVERIFY(second.accessToken != first.accessToken);
        QCOMPARE(f.server.apiStatus(second.accessToken), 200);
        // Rotation: a new refresh token, stored; the old one is dead at the server.
        QVERIFY(second.refreshToken != firstRefresh);
        const QString key =
            tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"), QStringLiteral("tokens"));
        QTRY_COMPARE(tb::TokenSet::fromJson(QJsonDocument::fromJson(f.store.value(key)).object()).refreshToken,
                     second.refreshToken);
        // And again 90 s after that refresh.
        f.clock.advance(90);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(f.server.tokenRequests(), afterGrant + 2);
    }

    void failedProactiveRefreshThenExpiry()
    {
        LocalOAuthServer::Options options;
        options.accessTokenTtl = 100;
        Fixture f(&m_network, options);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        f.server.stop(); // the server goes away
        QSignalSpy failed(f.manager.get(), &TokenManager::refreshFailed);
        f.clock.advance(90);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().at(1).value<tb::OAuthError>().kind, tb::OAuthError::Kind::Network);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::Valid); // still usable for 10 s
        f.clock.advance(10);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::Expired);
    }

    void fiftyConcurrentNeedsWithAnExpiredTokenMakeOneRefresh()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        f.manager.reset();
        f.clock.advance(86401); // the saved token has expired (nobody was running to refresh it)
        TokenManager manager(&f.store, &m_network, &f.clock);
        manager.setProfile(f.explicitProfile());
        const int before = f.server.tokenRequests();
        const Sent sent = sendAll(f, manager, 50);
        QCOMPARE(sent.statuses, all(50, 200));
        QCOMPARE(f.server.tokenRequests(), before + 1); // exactly one refresh
        QCOMPARE(f.apiCalls(), 50);
        QCOMPARE(sent.retried, 0);
    }

    void fiftyConcurrent401sMakeOneRefreshAndOneRetryEach()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        f.server.advance(86401); // expired at the server; the client still believes in it
        const int before = f.server.tokenRequests();
        const Sent sent = sendAll(f, *f.manager, 50);
        QCOMPARE(sent.statuses, all(50, 200));
        QCOMPARE(f.server.tokenRequests(), before + 1);
        QCOMPARE(sent.retried, 50);
        QCOMPARE(f.apiCalls(), 100);
    }

    // The 401 that a refresh answers is reported as an attempt (with the rejected token, for the caller to redact),
    // before the retry's answer; a request that needed no retry reports no attempt.
    void aRetried401IsReportedBeforeTheAnswer()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        const QString rejected = f.manager->tokens(QStringLiteral("demo")).accessToken;
        f.server.advance(86401);
        tb::HttpExecutor executor;
        tb::AuthorizedSender sender(&executor, f.manager.get());
        QStringList events;
        QByteArray attemptAuthorization;
        connect(&sender, &tb::AuthorizedSender::attemptFinished, this,
                [&](tb::AuthorizedSender::RequestId id, const tb::ResponseRecord& record) {
                    events << QStringLiteral("attempt %1 %2").arg(id).arg(record.status);
                    for (const auto& header : record.request.headers)
                        if (header.name.compare("Authorization", Qt::CaseInsensitive) == 0)
                            attemptAuthorization = header.value;
                });
        connect(&sender, &tb::AuthorizedSender::finished, this,
                [&](tb::AuthorizedSender::RequestId id, const tb::ResponseRecord& record) {
                    events << QStringLiteral("finished %1 %2").arg(id).arg(record.status);
                });
        const auto id = sender.send(f.usersRequest());
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 15000);
        QCOMPARE(events,
                 (QStringList{QStringLiteral("attempt %1 401").arg(id), QStringLiteral("finished %1 200").arg(id)}));
        QCOMPARE(attemptAuthorization, "Bearer " + rejected.toUtf8());

        events.clear();
        const auto second = sender.send(f.usersRequest()); // the refreshed token is good: one exchange
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 15000);
        QCOMPARE(events, QStringList{QStringLiteral("finished %1 200").arg(second)});
        QCOMPARE(f.apiCalls(), 3);
    }

    void autoRefreshSwitchIsReportedWhenItChanges()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QSignalSpy changed(f.manager.get(), &TokenManager::autoRefreshChanged);
        QVERIFY(f.manager->autoRefresh(QStringLiteral("demo")));
        f.manager->setAutoRefresh(QStringLiteral("demo"), true);    // no change
        f.manager->setAutoRefresh(QStringLiteral("nobody"), false); // no such profile
        QCOMPARE(changed.count(), 0);
        f.manager->setAutoRefresh(QStringLiteral("demo"), false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("demo"));
        QCOMPARE(changed.at(0).at(1).toBool(), false);
        QVERIFY(!f.manager->autoRefresh(QStringLiteral("demo")));
    }

    void secondUnauthorizedIsReturnedAsIs()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        // Every token the server issues from now on is expired for its API at once.
        connect(f.manager.get(), &TokenManager::tokenChanged, this, [&f] { f.server.advance(86401); });
        f.server.advance(86401);
        const int before = f.server.tokenRequests();
        QCOMPARE(sendAll(f, *f.manager, 1).statuses, QList<int>{401});
        QCOMPARE(f.server.tokenRequests(), before + 1);
        QCOMPARE(f.apiCalls(), 2);
    }

    void invalidGrantReRunsAPersonLessGrantOnce()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        QCOMPARE(f.revokeAtServer(f.manager->tokens(QStringLiteral("demo")).refreshToken), 200);
        QSignalSpy failed(f.manager.get(), &TokenManager::refreshFailed);
        QSignalSpy reauth(f.manager.get(), &TokenManager::reauthenticationRequired);
        const int before = f.server.tokenRequests();
        auto r = tb::test::await<Access>([&](auto done) { f.manager->refresh(QStringLiteral("demo"), this, done); });
        QVERIFY(r && r->ok());
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(1).value<tb::OAuthError>().isInvalidGrant());
        QCOMPARE(reauth.count(), 0);
        QCOMPARE(f.server.tokenRequests(), before + 2); // the refresh (invalid_grant), then the password grant once
        QCOMPARE(f.server.apiStatus(r->accessToken), 200);
    }

    void invalidGrantAsksForSignInWhenAPersonIsNeeded()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        // Get a refresh token, then start a "refresh_token" profile from it (no stored password to fall back on).
        tb::OAuthClient client(&m_network, tb::Clock::system());
        const OAuthProfile pp = f.explicitProfile();
        auto seed = tb::test::await<tb::TokenResult>([&](auto done) {
            client.passwordGrant(pp, LocalOAuthServer::passwordClientSecret(), LocalOAuthServer::demoPassword(), this,
                                 done);
        });
        QVERIFY(seed && seed->ok());
        qputenv("TB_TEST_REFRESH", seed->tokens.refreshToken.toUtf8());
        OAuthProfile p = pp;
        p.grantType = OAuthProfile::GrantType::RefreshToken;
        p.passwordRef.clear();
        p.refreshTokenRef = QStringLiteral("env:TB_TEST_REFRESH");
        f.manager->setProfile(p);
        QVERIFY(access(*f.manager).ok()); // the seed refresh token works once (rotation)
        QCOMPARE(f.revokeAtServer(f.manager->tokens(QStringLiteral("demo")).refreshToken), 200);
        QSignalSpy reauth(f.manager.get(), &TokenManager::reauthenticationRequired);
        auto r = tb::test::await<Access>([&](auto done) { f.manager->refresh(QStringLiteral("demo"), this, done); });
        QVERIFY(r && !r->ok());
        QVERIFY(r->error->message().contains(u"sign in again"));
        QCOMPARE(reauth.count(), 1);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::Failed);
        QVERIFY(!f.manager->tokens(QStringLiteral("demo")).hasRefreshToken()); // dropped, never sent again
        const QString key =
            tb::SecretStore::keyFor(QStringLiteral("default"), QStringLiteral("demo"), QStringLiteral("tokens"));
        QTRY_VERIFY(!f.store.value(key).contains("refresh_token"));
    }

    void concurrentFailuresShareOneError()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        qputenv("TB_TEST_WRONG_PASSWORD", "wrong");
        OAuthProfile p = f.explicitProfile();
        p.passwordRef = QStringLiteral("env:TB_TEST_WRONG_PASSWORD");
        f.manager->setProfile(p);
        QList<Access> results;
        for (int i = 0; i < 10; ++i)
            f.manager->accessToken(QStringLiteral("demo"), this, [&results](const Access& a) { results << a; });
        QTRY_COMPARE(results.size(), 10);
        for (const Access& a : results)
            QCOMPARE(a.error->message(), QStringLiteral("invalid_grant: Invalid credentials given. (HTTP 400)"));
        QCOMPARE(f.server.tokenRequests(), 1);
        QCOMPARE(f.manager->lastError(QStringLiteral("demo")), results.first().error->message());
    }

    void revokeThenIntrospect()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        const Access a = access(*f.manager);
        QVERIFY(a.ok());
        const QString refresh = f.manager->tokens(QStringLiteral("demo")).refreshToken;
        auto introspect = [&] {
            return tb::test::await<Json>([&](auto done) {
                f.manager->introspect(QStringLiteral("demo"), false, this, [done](const QJsonObject& j, const auto& e) {
                    done({j, e});
                });
            });
        };
        const auto active = introspect();
        QVERIFY(active && !active->second);
        QCOMPARE(active->first.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(active->first.value(QStringLiteral("username")).toString(), LocalOAuthServer::demoUsername());
        auto revoked = tb::test::await<Done>([&](auto done) {
            f.manager->revoke(QStringLiteral("demo"), this, [done](const auto& e, const auto& w) { done({e, w}); });
        });
        QVERIFY(revoked && !revoked->first);
        QVERIFY(revoked->second.isEmpty());
        QCOMPARE(f.server.requestCount("POST", "/o/revoke_token/"), 2); // refresh token and access token
        QCOMPARE(f.server.apiStatus(a.accessToken), 401);
        QCOMPARE(f.manager->state(QStringLiteral("demo")), TokenManager::State::None);
        QVERIFY(f.store.keys().filter(QStringLiteral("tokens")).isEmpty());
        QVERIFY(introspect()->second->message().contains(u"no access token"));

        // The server's view of the old tokens, asked directly.
        tb::OAuthClient client(&m_network, tb::Clock::system());
        const OAuthProfile p = f.explicitProfile();
        for (const QString& token : {a.accessToken, refresh}) {
            auto direct = tb::test::await<Json>([&](auto done) {
                client.introspect(p, LocalOAuthServer::passwordClientSecret(), token, this,
                                  [done](const QJsonObject& j, const auto& e) {
                                      done({j, e});
                                  });
            });
            QVERIFY(direct && !direct->second);
            QCOMPARE(direct->first.value(QStringLiteral("active")).toBool(true), false);
        }
        // And the refresh token no longer refreshes.
        const int before = f.server.tokenRequests();
        tb::TokenSet old;
        old.refreshToken = refresh;
        auto reuse = tb::test::await<tb::TokenResult>(
            [&](auto done) { client.refresh(p, LocalOAuthServer::passwordClientSecret(), old, this, done); });
        QVERIFY(reuse && reuse->error && reuse->error->isInvalidGrant());
        QCOMPARE(f.server.tokenRequests(), before + 1);
    }

    void revokeWithTheServerGoneStillDropsTheLocalCopy()
    {
        Fixture f(&m_network);
        QVERIFY(f.ok());
        QVERIFY(holdToken(f));
        f.server.stop();
        auto revoked = tb::test::await<Done>([&](auto done) {
            f.manager->revoke(QStringLiteral("demo"), this, [done](const auto& e, const auto& w) { done({e, w}); });
        });
        QVERIFY(revoked && !revoked->first);
        QCOMPARE(revoked->second.size(), 2);
        QVERIFY(revoked->second.first().contains(u"could not be reached"));
        QVERIFY(f.manager->tokens(QStringLiteral("demo")).isEmpty());
        QVERIFY(f.store.keys().filter(QStringLiteral("tokens")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenManager)
#include "TestTokenManager.moc"
