#include "auth/DeviceAuthorizationFlow.h"
#include "auth/OAuthClient.h"
#include "core/MockClock.h"
#include "support/MiniOAuthServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using tb::DeviceAuthorizationFlow;
using tb::OAuthProfile;
using tb::TokenResult;
using tb::test::MiniOAuthServer;

class TestDeviceAuthorizationFlow : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static OAuthProfile profile(const MiniOAuthServer& server)
    {
        OAuthProfile p;
        p.grantType = OAuthProfile::GrantType::DeviceCode;
        p.deviceAuthorizationUrl = server.url(QStringLiteral("/o/device/"));
        p.tokenUrl = server.url(QStringLiteral("/o/token/"));
        p.clientId = QLatin1String(MiniOAuthServer::publicClientId);
        p.scope = QStringLiteral("read");
        return p;
    }

    // Advances the mock clock to the next poll and waits for the server to have answered it.
    static bool pollOnce(tb::MockClock& clock, const MiniOAuthServer& server, DeviceAuthorizationFlow& flow)
    {
        const auto polls = server.devicePollTimes.size();
        const QDateTime next = clock.nextDeadline();
        if (!next.isValid())
            return false;
        clock.setNow(next);
        return QTest::qWaitFor(
            [&] { return server.devicePollTimes.size() > polls && (clock.pendingCount() > 0 || !flow.isRunning()); },
            10'000);
    }

private slots:
    void initTestCase() { qRegisterMetaType<TokenResult>(); }

    void pollsAndSlowsDown()
    {
        MiniOAuthServer server;
        server.deviceSlowDowns = 1;
        server.devicePendings = 2;
        tb::MockClock clock;
        tb::OAuthClient client(&m_network, &clock);
        DeviceAuthorizationFlow flow(&client);
        QSignalSpy code(&flow, &DeviceAuthorizationFlow::userCodeReady);
        QSignalSpy finished(&flow, &DeviceAuthorizationFlow::finished);
        flow.start(profile(server), {});
        QVERIFY(code.wait(10'000));
        QCOMPARE(code.first().at(0).toString(), QStringLiteral("WDJB-MJHT"));
        QCOMPARE(code.first().at(1).toString(), server.url(QStringLiteral("/o/device/verify")));
        const QDateTime start = clock.now();
        QCOMPARE(start.secsTo(clock.nextDeadline()), 5); // interval from the server
        QVERIFY(pollOnce(clock, server, flow));          // slow_down
        QCOMPARE(flow.intervalSeconds(), 10);
        QCOMPARE(clock.now().secsTo(clock.nextDeadline()), 10);
        QVERIFY(pollOnce(clock, server, flow)); // pending
        QCOMPARE(clock.now().secsTo(clock.nextDeadline()), 10);
        QVERIFY(pollOnce(clock, server, flow)); // pending
        QVERIFY(pollOnce(clock, server, flow)); // tokens
        QTRY_COMPARE(finished.count(), 1);
        const auto r = finished.first().first().value<TokenResult>();
        QVERIFY(r.ok());
        QVERIFY(server.isActive(r.tokens.accessToken));
        QCOMPARE(flow.pollCount(), 4);
        QCOMPARE(start.secsTo(clock.now()), 5 + 10 + 10 + 10);
    }

    void denial()
    {
        MiniOAuthServer server;
        server.devicePendings = 0;
        server.deviceDenied = true;
        tb::MockClock clock;
        tb::OAuthClient client(&m_network, &clock);
        DeviceAuthorizationFlow flow(&client);
        QSignalSpy code(&flow, &DeviceAuthorizationFlow::userCodeReady);
        QSignalSpy finished(&flow, &DeviceAuthorizationFlow::finished);
        flow.start(profile(server), {});
        QVERIFY(code.wait(10'000));
        QVERIFY(pollOnce(clock, server, flow));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<TokenResult>().error->error, QStringLiteral("access_denied"));
    }

    void expiry()
    {
        MiniOAuthServer server;
        server.devicePendings = 1000;
        tb::MockClock clock;
        tb::OAuthClient client(&m_network, &clock);
        DeviceAuthorizationFlow flow(&client);
        QSignalSpy code(&flow, &DeviceAuthorizationFlow::userCodeReady);
        QSignalSpy finished(&flow, &DeviceAuthorizationFlow::finished);
        flow.start(profile(server), {});
        QVERIFY(code.wait(10'000));
        clock.advance(601); // the poll due at 5 s goes out (pending); expires_in 600 has passed after it
        QTRY_COMPARE(clock.pendingCount(), 1);
        clock.advance(5); // the next poll stops instead of asking
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<TokenResult>().error->error, QStringLiteral("expired_token"));
        QCOMPARE(server.devicePollTimes.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeviceAuthorizationFlow)
#include "TestDeviceAuthorizationFlow.moc"
