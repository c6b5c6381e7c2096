#include "auth/DeviceAuthorizationFlow.h"
#include "auth/OAuthClient.h"
#include "core/MockClock.h"
#include "support/BrowserClient.h"
#include "support/LocalOAuthServer.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using tb::DeviceAuthorizationFlow;
using tb::OAuthProfile;
using tb::TokenResult;
using tb::test::BrowserClient;
using tb::test::LocalOAuthServer;

// RFC 8628 against the bundled server (in-process, port 0). Two clocks, no sleeps: the flow polls on its MockClock;
// the server judges the polling pace on its own manual clock, so a poll whose server time has not moved by the
// interval gets slow_down (section 3.5), exactly as a too-eager client would.
class TestDeviceAuthorizationFlow : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<LocalOAuthServer> m_server;

    OAuthProfile profile() const
    {
        OAuthProfile p;
        p.grantType = OAuthProfile::GrantType::DeviceCode;
        p.deviceAuthorizationUrl = m_server->url(QStringLiteral("/o/device_authorization/")).toString();
        p.tokenUrl = m_server->url(QStringLiteral("/o/token/")).toString();
        p.clientId = LocalOAuthServer::deviceClientId(); // public
        p.scope = QStringLiteral("read");
        return p;
    }

    // One flow on its own mock clock, started.
    struct Started
    {
        tb::MockClock clock;
        tb::OAuthClient client;
        DeviceAuthorizationFlow flow{&client};
        QSignalSpy code{&flow, &DeviceAuthorizationFlow::userCodeReady};
        QSignalSpy finished{&flow, &DeviceAuthorizationFlow::finished};

        Started(QNetworkAccessManager* network, const OAuthProfile& p) : client(network, &clock) { flow.start(p, {}); }
        // The user code and verification URI were shown.
        bool announced() { return !code.isEmpty() || code.wait(10'000); }
    };

    // Moves the flow's clock to its next poll (the server's by `serverSeconds`) and waits for the server's answer.
    bool pollOnce(tb::MockClock& clock, DeviceAuthorizationFlow& flow, qint64 serverSeconds)
    {
        const int polls = m_server->tokenRequests();
        const QDateTime next = clock.nextDeadline();
        if (!next.isValid())
            return false;
        m_server->advance(serverSeconds);
        clock.setNow(next);
        return QTest::qWaitFor(
            [&] { return m_server->tokenRequests() > polls && (clock.pendingCount() > 0 || !flow.isRunning()); },
            10'000);
    }

    // The person, in a browser: signs in, opens verification_uri_complete and answers the confirmation page.
    bool decide(const QString& verificationUriComplete, bool allow)
    {
        BrowserClient browser(m_server->port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const QUrl complete(verificationUriComplete);
        const auto answer =
            browser.answerForm(complete.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority), "/o/device/", allow);
        return answer.status == 200;
    }

private slots:
    void initTestCase() { qRegisterMetaType<TokenResult>(); }
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void pollsSlowsDownAndGetsTheToken()
    {
        Started s(&m_network, profile());
        QVERIFY(s.announced());
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z]{4}-[A-Z]{4}$"))
                    .match(s.code.first().at(0).toString())
                    .hasMatch());
        QCOMPARE(s.code.first().at(1).toString(), m_server->url(QStringLiteral("/o/device/")).toString());
        const QString complete = s.code.first().at(2).toString();
        QVERIFY(complete.contains(s.code.first().at(0).toString()));
        const QDateTime start = s.clock.now();
        QCOMPARE(start.secsTo(s.clock.nextDeadline()), 5); // the server's interval

        QVERIFY(pollOnce(s.clock, s.flow, 5)); // authorization_pending
        QCOMPARE(s.flow.intervalSeconds(), 5);
        QVERIFY(pollOnce(s.clock, s.flow, 0)); // too soon for the server: slow_down, 5 s more from now on
        QCOMPARE(s.flow.intervalSeconds(), 10);
        QCOMPARE(s.clock.now().secsTo(s.clock.nextDeadline()), 10);
        QVERIFY(pollOnce(s.clock, s.flow, 10)); // authorization_pending
        QCOMPARE(s.clock.now().secsTo(s.clock.nextDeadline()), 10);
        QVERIFY(decide(complete, true));
        QVERIFY(pollOnce(s.clock, s.flow, 10)); // the tokens
        QTRY_COMPARE(s.finished.count(), 1);
        const auto r = s.finished.first().first().value<TokenResult>();
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message() : QString()));
        QVERIFY(r.tokens.hasRefreshToken());
        QCOMPARE(m_server->apiStatus(r.tokens.accessToken), 200);
        QCOMPARE(s.flow.pollCount(), 4);
        QCOMPARE(m_server->tokenRequests(), 4);
        QCOMPARE(start.secsTo(s.clock.now()), 5 + 5 + 10 + 10);
    }

    void denial()
    {
        Started s(&m_network, profile());
        QVERIFY(s.announced());
        QVERIFY(decide(s.code.first().at(2).toString(), false));
        QVERIFY(pollOnce(s.clock, s.flow, 5));
        QTRY_COMPARE(s.finished.count(), 1);
        QCOMPARE(s.finished.first().first().value<TokenResult>().error->error, QStringLiteral("access_denied"));
        QCOMPARE(m_server->tokenRequests(), 1);
    }

    void expiry()
    {
        Started s(&m_network, profile());
        QVERIFY(s.announced());
        s.clock.advance(601); // the poll due at 5 s goes out (pending); expires_in 600 has passed after it
        QTRY_COMPARE(m_server->tokenRequests(), 1);
        QTRY_COMPARE(s.clock.pendingCount(), 1);
        s.clock.advance(5); // the next poll stops instead of asking
        QTRY_COMPARE(s.finished.count(), 1);
        QCOMPARE(s.finished.first().first().value<TokenResult>().error->error, QStringLiteral("expired_token"));
        QCOMPARE(m_server->tokenRequests(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeviceAuthorizationFlow)
#include "TestDeviceAuthorizationFlow.moc"
