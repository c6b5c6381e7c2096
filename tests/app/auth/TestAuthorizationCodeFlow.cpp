#include "auth/AuthorizationCodeFlow.h"
#include "auth/OAuthClient.h"
#include "core/MockClock.h"
#include "support/MiniOAuthServer.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using tb::AuthorizationCodeFlow;
using tb::OAuthProfile;
using tb::TokenResult;
using tb::test::MiniOAuthServer;

// Plays the person's browser: registered with QDesktopServices::setUrlHandler, it follows the authorization URL to
// the server, then delivers the server's redirect to the loopback receiver (optionally tampered with).
class FakeBrowser : public QObject
{
    Q_OBJECT

public:
    std::function<QUrl(QUrl)> tamper = [](QUrl url) { return url; };
    QList<QUrl> opened;
    QByteArray lastPage;
    int lastStatus = 0;

public slots:
    void openUrl(const QUrl& url)
    {
        opened << url;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QUrl location =
                reply->url().resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
            QNetworkReply* callback = m_network.get(QNetworkRequest(tamper(location)));
            connect(callback, &QNetworkReply::finished, this, [this, callback] {
                callback->deleteLater();
                lastStatus = callback->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                lastPage = callback->readAll();
            });
        });
    }

private:
    QNetworkAccessManager m_network;
};

class TestAuthorizationCodeFlow : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    tb::MockClock m_clock;
    FakeBrowser m_browser;

    static OAuthProfile profile(const MiniOAuthServer& server)
    {
        OAuthProfile p;
        p.grantType = OAuthProfile::GrantType::AuthorizationCode;
        p.authorizeUrl = server.url(QStringLiteral("/o/authorize/"));
        p.tokenUrl = server.url(QStringLiteral("/o/token/"));
        p.clientId = QLatin1String(MiniOAuthServer::publicClientId); // public client: PKCE only
        p.scope = QStringLiteral("read write");
        p.authorizeParams = {{QStringLiteral("prompt"), QStringLiteral("consent")}};
        return p;
    }

    TokenResult run(AuthorizationCodeFlow& flow, const OAuthProfile& p)
    {
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start(p, {});
        if (!finished.wait(10'000))
            return TokenResult::failure(
                tb::OAuthError::make(tb::OAuthError::Kind::Timeout, {}, QStringLiteral("none")));
        return finished.first().first().value<TokenResult>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<TokenResult>();
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); }
    void init()
    {
        m_browser.tamper = [](QUrl url) { return url; };
    }

    void fullFlowWithPkceAndState()
    {
        MiniOAuthServer server; // its codes contain '/' and '+'
        tb::OAuthClient client(&m_network, &m_clock);
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, profile(server));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message() : QString()));
        QVERIFY(server.isActive(r.tokens.accessToken));
        QCOMPARE(server.grantCounts.value(QStringLiteral("authorization_code")), 1);

        const QUrlQuery sent(m_browser.opened.last());
        QCOMPARE(sent.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        QVERIFY(sent.queryItemValue(QStringLiteral("state")).size() >= 32);
        QCOMPARE(sent.queryItemValue(QStringLiteral("prompt")), QStringLiteral("consent"));
        const QUrl redirect(sent.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        QTRY_VERIFY(m_browser.lastPage.contains("close this tab"));
        QCOMPARE(m_browser.lastStatus, 200);
        QVERIFY(!flow.isRunning());
    }

    void stateMismatchIsRefused()
    {
        MiniOAuthServer server;
        tb::OAuthClient client(&m_network, &m_clock);
        m_browser.tamper = [](QUrl url) {
            QUrlQuery q(url);
            q.removeQueryItem(QStringLiteral("state"));
            q.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
            url.setQuery(q);
            return url;
        };
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, profile(server));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error, QStringLiteral("state_mismatch"));
        QVERIFY(r.error->message().contains(u"state does not match"));
        QCOMPARE(server.grantCounts.value(QStringLiteral("authorization_code")), 0); // the code was never used
    }

    void denialEndsTheFlow()
    {
        MiniOAuthServer server;
        server.denyAuthorization = true;
        tb::OAuthClient client(&m_network, &m_clock);
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, profile(server));
        QCOMPARE(r.error->error, QStringLiteral("access_denied"));
        QVERIFY(r.error->message().contains(u"denied"));
        QTRY_VERIFY(m_browser.lastPage.contains("did not complete"));
    }

    void timeoutOnTheClockAndCancel()
    {
        MiniOAuthServer server;
        tb::OAuthClient client(&m_network, &m_clock);
        QList<QUrl> opened;
        AuthorizationCodeFlow flow(&client, [&opened](const QUrl& url) {
            opened << url; // nobody signs in
            return true;
        });
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        QSignalSpy announced(&flow, &AuthorizationCodeFlow::authorizationUrlReady);
        flow.start(profile(server), {});
        QCOMPARE(announced.count(), 1);
        QCOMPARE(opened.size(), 1);
        m_clock.advance(299);
        QCOMPARE(finished.count(), 0);
        m_clock.advance(1); // default: 5 minutes
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<TokenResult>().error->kind, tb::OAuthError::Kind::Timeout);

        flow.start(profile(server), {});
        flow.cancel();
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.last().first().value<TokenResult>().error->kind, tb::OAuthError::Kind::Cancelled);
        m_clock.advance(600);
        QCOMPARE(finished.count(), 2);
    }
};

QTEST_MAIN(TestAuthorizationCodeFlow)
#include "TestAuthorizationCodeFlow.moc"
