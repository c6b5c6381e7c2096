#include "auth/AuthorizationCodeFlow.h"
#include "auth/OAuthClient.h"
#include "core/MockClock.h"
#include "server/store/Store.h"
#include "support/BrowserClient.h"
#include "support/LocalOAuthServer.h"
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
using tb::test::BrowserClient;
using tb::test::LocalOAuthServer;
using tb::test::MiniOAuthServer;

// Plays the person's browser: registered with QDesktopServices::setUrlHandler, it signs in to the server, answers
// the consent page (allow or deny), then delivers the server's redirect to the loopback receiver (optionally
// tampered with). Without a port it only follows the URL once (MiniOAuthServer redirects at once).
class FakeBrowser : public QObject
{
    Q_OBJECT

public:
    quint16 serverPort = 0;
    bool allow = true;
    std::function<QUrl(QUrl)> tamper = [](QUrl url) { return url; };
    QList<QUrl> opened;
    QByteArray lastPage;
    int lastStatus = 0;

public slots:
    void openUrl(const QUrl& url)
    {
        opened << url;
        // Later, from the event loop, as a browser would: the flow's start() returns first.
        QMetaObject::invokeMethod(
            this, [this, url] { serverPort ? signIn(url) : follow(url); }, Qt::QueuedConnection);
    }

private:
    void signIn(const QUrl& url)
    {
        BrowserClient browser(serverPort);
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        const auto answer = browser.answerForm(target, target, allow);
        deliver(url.resolved(QUrl(QString::fromLatin1(answer.header("Location")))));
    }
    void follow(const QUrl& url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            deliver(reply->url().resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl()));
        });
    }
    void deliver(const QUrl& location)
    {
        QNetworkReply* callback = m_network.get(QNetworkRequest(tamper(location)));
        connect(callback, &QNetworkReply::finished, this, [this, callback] {
            callback->deleteLater();
            lastStatus = callback->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            lastPage = callback->readAll();
        });
    }

    QNetworkAccessManager m_network;
};

// The authorization code flow against the bundled server (in-process, port 0): state and PKCE S256, the loopback
// redirect (RFC 8252) at a random port, sign-in and consent played by FakeBrowser.
class TestAuthorizationCodeFlow : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    tb::MockClock m_clock;
    FakeBrowser m_browser;
    std::unique_ptr<LocalOAuthServer> m_server;

    static QString loopbackClientId() { return QStringLiteral("test-loopback-client"); }

    OAuthProfile profile() const
    {
        OAuthProfile p;
        p.grantType = OAuthProfile::GrantType::AuthorizationCode;
        p.authorizeUrl = m_server->url(QStringLiteral("/o/authorize/")).toString();
        p.tokenUrl = m_server->url(QStringLiteral("/o/token/")).toString();
        p.clientId = loopbackClientId(); // public client: PKCE only
        p.scope = QStringLiteral("read write");
        p.authorizeParams = {{QStringLiteral("prompt"), QStringLiteral("consent")}};
        return p;
    }

    TokenResult run(AuthorizationCodeFlow& flow, const OAuthProfile& p)
    {
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start(p, {});
        if (!finished.wait(20'000))
            return TokenResult::failure(
                tb::OAuthError::make(tb::OAuthError::Kind::Timeout, {}, QStringLiteral("none")));
        return finished.first().first().value<TokenResult>();
    }
    static QByteArray why(const TokenResult& r) { return r.error ? r.error->message().toUtf8() : QByteArray(); }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<TokenResult>();
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); }
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        // The demo clients are registered with port 8765; this one with the loopback IP and no port, so any port
        // is accepted (RFC 8252 section 7.3) and the test never depends on a fixed port.
        tb::server::ClientRecord client;
        client.clientId = loopbackClientId();
        client.name = QStringLiteral("Loopback test client");
        client.confidential = false;
        client.grantTypes = {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
        client.redirectUris = {QStringLiteral("http://127.0.0.1/callback")};
        QVERIFY(m_server->server().store()->clients().insert(client, m_server->now()) > 0);
        m_browser.serverPort = m_server->port();
        m_browser.allow = true;
        m_browser.tamper = [](QUrl url) { return url; };
        m_browser.lastPage.clear();
    }
    void cleanup() { m_server.reset(); }

    void fullFlowWithPkceAndState()
    {
        tb::OAuthClient client(&m_network, &m_clock);
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, profile());
        QVERIFY2(r.ok(), why(r).constData());
        QVERIFY(r.tokens.hasRefreshToken());
        QCOMPARE(m_server->apiStatus(r.tokens.accessToken), 200);
        QCOMPARE(m_server->tokenRequests(), 1);

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
        tb::OAuthClient client(&m_network, &m_clock);
        m_browser.tamper = [](QUrl url) {
            QUrlQuery q(url);
            q.removeQueryItem(QStringLiteral("state"));
            q.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
            url.setQuery(q);
            return url;
        };
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, profile());
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error, QStringLiteral("state_mismatch"));
        QVERIFY(r.error->message().contains(u"state does not match"));
        QCOMPARE(m_server->tokenRequests(), 0); // the code was never used
    }

    void denialEndsTheFlow()
    {
        m_browser.allow = false; // the person presses Cancel on the consent page
        tb::OAuthClient client(&m_network, &m_clock);
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, profile());
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error, QStringLiteral("access_denied"));
        QVERIFY(r.error->message().contains(u"denied"));
        QTRY_VERIFY(m_browser.lastPage.contains("did not complete"));
        QCOMPARE(m_server->tokenRequests(), 0);
    }

    void timeoutOnTheClockAndCancel()
    {
        tb::OAuthClient client(&m_network, &m_clock);
        QList<QUrl> opened;
        AuthorizationCodeFlow flow(&client, [&opened](const QUrl& url) {
            opened << url; // nobody signs in
            return true;
        });
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        QSignalSpy announced(&flow, &AuthorizationCodeFlow::authorizationUrlReady);
        flow.start(profile(), {});
        QCOMPARE(announced.count(), 1);
        QCOMPARE(opened.size(), 1);
        m_clock.advance(299);
        QCOMPARE(finished.count(), 0);
        m_clock.advance(1); // default: 5 minutes
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<TokenResult>().error->kind, tb::OAuthError::Kind::Timeout);

        flow.start(profile(), {});
        flow.cancel();
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.last().first().value<TokenResult>().error->kind, tb::OAuthError::Kind::Cancelled);
        m_clock.advance(600);
        QCOMPARE(finished.count(), 2);
    }

    // MiniOAuthServer: the bundled server's codes never contain '/' or '+'.
    void codesWithSlashAndPlusSurvive()
    {
        MiniOAuthServer mini; // its codes contain '/' and '+'
        m_browser.serverPort = 0;
        OAuthProfile p = profile();
        p.authorizeUrl = mini.url(QStringLiteral("/o/authorize/"));
        p.tokenUrl = mini.url(QStringLiteral("/o/token/"));
        p.clientId = QLatin1String(MiniOAuthServer::publicClientId);
        tb::OAuthClient client(&m_network, &m_clock);
        AuthorizationCodeFlow flow(&client, [](const QUrl& url) { return QDesktopServices::openUrl(url); });
        const TokenResult r = run(flow, p);
        QVERIFY2(r.ok(), why(r).constData());
        QVERIFY(mini.isActive(r.tokens.accessToken));
        QCOMPARE(mini.grantCounts.value(QStringLiteral("authorization_code")), 1);
    }
};

QTEST_MAIN(TestAuthorizationCodeFlow)
#include "TestAuthorizationCodeFlow.moc"
