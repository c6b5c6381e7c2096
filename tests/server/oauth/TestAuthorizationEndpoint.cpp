// The browser side of the authorization code flow (/accounts/login/, /o/authorize/) driven like a browser with a
// cookie jar, then the code redeemed at /o/token/; expected bytes come from the Django reference peer.
#include "server/oauth/Pkce.h"
#include "support/BrowserClient.h"
#include "support/LocalOAuthServer.h"

#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using tb::test::BrowserClient;
using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;
using Fields = QList<std::pair<QString, QString>>;

namespace {

// The peer's exact answer to this query without a session (see the reference peer's notes).
const QByteArray kPeerQuery =
    "response_type=code&client_id=refpeer-authcode-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback"
    "&state=st%20a+b&scope=read%20write&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    "&code_challenge_method=S256";
const QByteArray kPeerLocation =
    "/accounts/login/?next=/o/authorize/%3Fresponse_type%3Dcode%26client_id%3Drefpeer-authcode-client%26redirect_"
    "uri%3Dhttp%253A%252F%252F127.0.0.1%253A8765%252Fcallback%26state%3Dst%2520a%2Bb%26scope%3Dread%2520write%26"
    "code_challenge%3DE9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM%26code_challenge_method%3DS256";
const QString kVerifier = QStringLiteral("dBjftJeZ4CK-P-h3Bw8d9Ya0nmQPF1zu6vU1qLlp6ZQ-verifier-43chars");

QByteArray encoded(const QString& text)
{
    return QUrl::toPercentEncoding(text);
}

} // namespace

class TestAuthorizationEndpoint : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalOAuthServer> m_server;

    quint16 port() const { return m_server->port(); }

    static QByteArray authorizeTarget(const QString& clientId, const QString& state, const QString& challenge = {},
                                      const QString& method = {}, const QString& scope = QStringLiteral("read write"))
    {
        QByteArray target = "/o/authorize/?response_type=code&client_id=" + encoded(clientId) +
                            "&redirect_uri=" + encoded(LocalOAuthServer::redirectUri()) + "&state=" + encoded(state) +
                            "&scope=" + encoded(scope);
        if (!challenge.isEmpty()) {
            target += "&code_challenge=" + encoded(challenge);
        }
        if (!method.isEmpty()) {
            target += "&code_challenge_method=" + encoded(method);
        }
        return target;
    }

    // GET the consent page with a logged-in browser and post its form back; returns the redirect.
    HttpTestClient::Response consent(BrowserClient& browser, const QByteArray& target, bool allow)
    {
        const auto page = browser.get(target);
        if (page.status != 200) {
            return page;
        }
        Fields fields = BrowserClient::hiddenInputs(page.body);
        if (allow) {
            fields.append({QStringLiteral("allow"), QStringLiteral("Authorize")});
        }
        return browser.post(target, fields);
    }

    static QUrlQuery redirectQuery(const HttpTestClient::Response& response)
    {
        const QUrl location(QString::fromLatin1(response.header("Location")));
        return QUrlQuery(location);
    }

    QString approvedCode(const QString& clientId, const QString& challenge = {}, const QString& method = {})
    {
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto redirect =
            consent(browser, authorizeTarget(clientId, QStringLiteral("xyz"), challenge, method), true);
        return redirectQuery(redirect).queryItemValue(QStringLiteral("code"));
    }

    HttpTestClient::Response redeem(const QString& code, const QString& verifier = {}, bool confidential = true)
    {
        Fields fields = {
            {"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", LocalOAuthServer::redirectUri()}};
        QList<QByteArray> headers;
        if (confidential) {
            headers.append(LocalOAuthServer::authCodeClientAuth());
        } else {
            fields.append({"client_id", LocalOAuthServer::publicClientId()});
        }
        if (!verifier.isNull()) {
            fields.append({"code_verifier", verifier});
        }
        HttpTestClient client(port());
        return client.postForm("/o/token/", fields, headers);
    }

    int apiStatus(const QString& accessToken)
    {
        return HttpTestClient::fetch(port(), "GET", "/api/users/", {"Authorization: Bearer " + accessToken.toUtf8()})
            .status;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void noSessionRedirectsToLoginWithDjangoEncodedNext()
    {
        const auto r = HttpTestClient::fetch(port(), "GET", "/o/authorize/?" + kPeerQuery);
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), kPeerLocation);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.header("Set-Cookie").isEmpty());
    }

    void loginPageHasTheFormAndSetsTheCsrfCookie()
    {
        BrowserClient browser(port());
        const auto r = browser.get("/accounts/login/?next=/o/authorize/%3Fx%3D1%26y%3D%2522");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.header("Cache-Control").contains("no-store"));
        QCOMPARE(BrowserClient::inputValue(r.body, "next"), QStringLiteral("/o/authorize/?x=1&y=%22"));
        QCOMPARE(BrowserClient::inputValue(r.body, "username"), QStringLiteral(""));
        QVERIFY(!BrowserClient::inputValue(r.body, "password").isNull());
        const QString formToken = BrowserClient::inputValue(r.body, "csrfmiddlewaretoken");
        QCOMPARE(formToken.size(), 64);
        const QByteArray line = BrowserClient::setCookieLine(r, "csrftoken");
        QVERIFY2(line.contains("; Max-Age=31449600; Path=/; SameSite=Lax"), line.constData());
        QVERIFY(!line.contains("HttpOnly"));
        QCOMPARE(browser.cookie("csrftoken").size(), 64);
        // The form carries the cookie's secret under a fresh mask, never the cookie value itself.
        QVERIFY(formToken.toLatin1() != browser.cookie("csrftoken"));
        QVERIFY(r.body.contains("<label for=\"id_username\">"));
        QVERIFY(r.body.contains("<html lang=\"en\">"));
    }

    void loginSetsAnHttpOnlySessionAndRedirectsToNext()
    {
        BrowserClient browser(port());
        const QByteArray csrfBefore = (browser.get("/accounts/login/"), browser.cookie("csrftoken"));
        const QString next = QStringLiteral("/o/authorize/?") + QString::fromLatin1(kPeerQuery);
        const auto r = browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword(), next);
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), QByteArray("/o/authorize/?" + kPeerQuery));
        const QByteArray session = BrowserClient::setCookieLine(r, "sessionid");
        QVERIFY2(session.contains("; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax"), session.constData());
        QVERIFY(!session.contains("Secure"));
        QCOMPARE(browser.cookie("sessionid").size(), 32);
        // Django rotates the CSRF secret at login.
        QVERIFY(!browser.cookie("csrftoken").isEmpty());
        QVERIFY(browser.cookie("csrftoken") != csrfBefore);
        QCOMPARE(browser.get(r.header("Location")).status, 200);
    }

    void loginRefusesToRedirectOffSite_data()
    {
        QTest::addColumn<QString>("next");
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("other host") << "http://evil.example/x" << QByteArray("/api/users/");
        QTest::newRow("scheme-relative") << "//evil.example/x" << QByteArray("/api/users/");
        QTest::newRow("backslash") << "/\\evil.example" << QByteArray("/api/users/");
        QTest::newRow("empty") << "" << QByteArray("/api/users/");
        QTest::newRow("same host") << QStringLiteral("http://127.0.0.1:%1/o/x/").arg(0) << QByteArray();
        QTest::newRow("path") << "/o/authorize/?a=1" << QByteArray("/o/authorize/?a=1");
    }
    void loginRefusesToRedirectOffSite()
    {
        QFETCH(QString, next);
        QFETCH(QByteArray, location);
        if (location.isEmpty()) { // same host: the port is only known now
            next = QStringLiteral("http://127.0.0.1:%1/o/x/").arg(port());
            location = next.toLatin1();
        }
        BrowserClient browser(port());
        const auto r = browser.logIn(QStringLiteral("user01"), LocalOAuthServer::otherUsersPassword(), next);
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), location);
    }

    void wrongPasswordShowsTheFormAgainAndCountsTowardsLockout()
    {
        BrowserClient browser(port());
        const auto r =
            browser.logIn(LocalOAuthServer::demoUsername(), QStringLiteral("wrong"), QStringLiteral("/o/x/"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Please enter a correct username and password."));
        QVERIFY(r.body.contains("role=\"alert\""));
        QCOMPARE(BrowserClient::inputValue(r.body, "username"), LocalOAuthServer::demoUsername());
        QCOMPARE(BrowserClient::inputValue(r.body, "next"), QStringLiteral("/o/x/"));
        QVERIFY(browser.cookie("sessionid").isEmpty());
        for (int i = 1; i < 10; ++i) {
            QCOMPARE(browser.logIn(LocalOAuthServer::demoUsername(), QStringLiteral("wrong")).status, 200);
        }
        // The 11th attempt is refused even with the right password, as the password grant would be.
        const auto locked = browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        QCOMPARE(locked.status, 200);
        QVERIFY(locked.body.contains("Too many failed login attempts"));
        QVERIFY(browser.cookie("sessionid").isEmpty());
        m_server->advance(15 * 60 + 1);
        QCOMPARE(browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword()).status, 302);
    }

    void csrfRefusal_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("missing token") << "missing";
        QTest::newRow("wrong token") << "wrong";
        QTest::newRow("no cookie") << "nocookie";
        QTest::newRow("malformed token") << "malformed";
    }
    void csrfRefusal()
    {
        QFETCH(QString, mode);
        BrowserClient browser(port());
        const auto page = browser.get("/accounts/login/");
        QString token = BrowserClient::inputValue(page.body, "csrfmiddlewaretoken");
        if (mode == u"missing") {
            token.clear();
        } else if (mode == u"wrong") {
            BrowserClient other(port());
            token = BrowserClient::inputValue(other.get("/accounts/login/").body, "csrfmiddlewaretoken");
        } else if (mode == u"nocookie") {
            browser.removeCookie("csrftoken");
        } else {
            token = QStringLiteral("not-a-token");
        }
        const auto r = browser.post("/accounts/login/", {{"csrfmiddlewaretoken", token},
                                                         {"username", LocalOAuthServer::demoUsername()},
                                                         {"password", LocalOAuthServer::demoPassword()},
                                                         {"next", "/o/x/"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html"));
        QVERIFY(r.body.contains("CSRF verification failed. Request aborted."));
        QVERIFY(browser.cookie("sessionid").isEmpty());
    }

    void consentPostNeedsTheCsrfTokenToo()
    {
        BrowserClient browser(port());
        QCOMPARE(browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword()).status, 302);
        const QByteArray target = authorizeTarget(LocalOAuthServer::authCodeClientId(), QStringLiteral("s"));
        Fields fields = BrowserClient::hiddenInputs(browser.get(target).body);
        fields.removeIf([](const auto& field) { return field.first == u"csrfmiddlewaretoken"; });
        fields.append({QStringLiteral("allow"), QStringLiteral("Authorize")});
        const auto r = browser.post(target, fields);
        QCOMPARE(r.status, 403);
        QVERIFY(r.header("Location").isEmpty());
    }

    void consentPageCarriesThePeersHiddenFields()
    {
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto r = browser.get("/o/authorize/?" + kPeerQuery + "&nonce=n%201");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const Fields hidden = BrowserClient::hiddenInputs(r.body);
        QStringList names;
        for (const auto& field : hidden) {
            names.append(field.first);
        }
        QCOMPARE(names, QStringList({"csrfmiddlewaretoken", "redirect_uri", "scope", "nonce", "client_id", "state",
                                     "response_type", "code_challenge", "code_challenge_method", "claims"}));
        QCOMPARE(BrowserClient::inputValue(r.body, "redirect_uri"), LocalOAuthServer::redirectUri());
        QCOMPARE(BrowserClient::inputValue(r.body, "scope"), QStringLiteral("read write"));
        QCOMPARE(BrowserClient::inputValue(r.body, "state"), QStringLiteral("st a b"));
        QCOMPARE(BrowserClient::inputValue(r.body, "nonce"), QStringLiteral("n 1"));
        QCOMPARE(BrowserClient::inputValue(r.body, "code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(BrowserClient::inputValue(r.body, "claims"), QStringLiteral(""));
        QVERIFY(r.body.contains("<li>Read scope</li>"));
        QVERIFY(r.body.contains("<li>Write scope</li>"));
        QVERIFY(!r.body.contains("<li>Access to your groups</li>"));
        QVERIFY(r.body.contains("name=\"allow\" value=\"Authorize\""));
        QVERIFY(r.body.contains("Authorization code (demo)"));
        QVERIFY(!BrowserClient::setCookieLine(r, "csrftoken").isEmpty());

        // Without scope or redirect_uri: every scope and the client's only redirect URI, as the peer.
        const auto defaults =
            browser.get("/o/authorize/?response_type=code&client_id=" + encoded(LocalOAuthServer::authCodeClientId()));
        QCOMPARE(defaults.status, 200);
        QCOMPARE(BrowserClient::inputValue(defaults.body, "scope"), QStringLiteral("read write groups"));
        QCOMPARE(BrowserClient::inputValue(defaults.body, "redirect_uri"), LocalOAuthServer::redirectUri());
        // A challenge without a method is "plain" (RFC 7636 section 4.3).
        QCOMPARE(BrowserClient::inputValue(
                     browser.get(authorizeTarget(LocalOAuthServer::authCodeClientId(), "s", "abc")).body,
                     "code_challenge_method"),
                 QStringLiteral("plain"));
    }

    void fullFlowWithS256EndToEnd()
    {
        BrowserClient browser(port());
        const QString challenge = tb::server::Pkce::s256Challenge(kVerifier);
        const QByteArray target =
            authorizeTarget(LocalOAuthServer::authCodeClientId(), QStringLiteral("st&=/ x"), challenge, "S256");
        // Browser: authorize -> login page -> login -> back to authorize -> consent -> redirect with the code.
        const auto toLogin = browser.get(target);
        QCOMPARE(toLogin.status, 302);
        const auto loginPage = browser.get(toLogin.header("Location"));
        QCOMPARE(loginPage.status, 200);
        const QString next = BrowserClient::inputValue(loginPage.body, "next");
        QCOMPARE(next.toLatin1(), target);
        const auto loggedIn =
            browser.post("/accounts/login/",
                         {{"csrfmiddlewaretoken", BrowserClient::inputValue(loginPage.body, "csrfmiddlewaretoken")},
                          {"username", LocalOAuthServer::demoUsername()},
                          {"password", LocalOAuthServer::demoPassword()},
                          {"next", next}});
        QCOMPARE(loggedIn.status, 302);
        QCOMPARE(loggedIn.header("Location"), target);
        const auto redirect = consent(browser, loggedIn.header("Location"), true);
        QCOMPARE(redirect.status, 302);
        const QByteArray location = redirect.header("Location");
        QVERIFY2(location.startsWith("http://127.0.0.1:8765/callback?code="), location.constData());
        // oauthlib's urlencode: quote_plus, so the state comes back with '+' for spaces and %XX for the rest.
        QVERIFY2(location.endsWith("&state=st%26%3D%2F+x"), location.constData());
        const QString code = redirectQuery(redirect).queryItemValue("code");
        QCOMPARE(code.size(), 30);

        const auto tokens = redeem(code, kVerifier);
        QCOMPARE(tokens.status, 200);
        const QJsonObject json = tokens.json();
        QCOMPARE(json.value("scope").toString(), QStringLiteral("read write"));
        QCOMPARE(json.value("refresh_token").toString().size(), 30);
        QCOMPARE(apiStatus(json.value("access_token").toString()), 200);
    }

    void plainPkceWithAPublicClient()
    {
        const QString code = approvedCode(LocalOAuthServer::publicClientId(), QStringLiteral("plain-verifier-value"),
                                          QStringLiteral("plain"));
        QCOMPARE(code.size(), 30);
        const auto tokens = redeem(code, QStringLiteral("plain-verifier-value"), false);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(apiStatus(tokens.json().value("access_token").toString()), 200);
    }

    void pkceVerifierRequiredAndChecked()
    {
        const QString challenge = tb::server::Pkce::s256Challenge(kVerifier);
        const QString code = approvedCode(LocalOAuthServer::authCodeClientId(), challenge, QStringLiteral("S256"));
        const auto missing = redeem(code);
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.body,
                 QByteArray("{\"error\": \"invalid_request\", \"error_description\": \"Code verifier required.\"}"));
        const auto wrong = redeem(code, QStringLiteral("another-verifier-of-sufficient-length-000000"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.body, QByteArray("{\"error\": \"invalid_grant\"}"));
    }

    void codeIsSingleUse()
    {
        const QString code = approvedCode(LocalOAuthServer::authCodeClientId());
        const auto first = redeem(code);
        QCOMPARE(first.status, 200);
        const auto second = redeem(code);
        QCOMPARE(second.status, 400);
        QCOMPARE(second.body, QByteArray("{\"error\": \"invalid_grant\"}"));
        // As the peer: the tokens already issued from the code keep working.
        QCOMPARE(apiStatus(first.json().value("access_token").toString()), 200);
    }

    void codeLivesSixtySeconds()
    {
        const QString early = approvedCode(LocalOAuthServer::authCodeClientId());
        const QString late = approvedCode(LocalOAuthServer::authCodeClientId());
        m_server->advance(59);
        QCOMPARE(redeem(early).status, 200);
        m_server->advance(1);
        const auto expired = redeem(late);
        QCOMPARE(expired.status, 400);
        QCOMPARE(expired.body, QByteArray("{\"error\": \"invalid_grant\"}"));
    }

    void codeIsBoundToItsClient()
    {
        const QString code = approvedCode(LocalOAuthServer::authCodeClientId());
        const auto r = redeem(code, QString(), false); // presented by the public client
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"error\": \"invalid_grant\"}"));
    }

    void denialRedirectsWithAccessDenied()
    {
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto r = consent(browser, authorizeTarget(LocalOAuthServer::authCodeClientId(), "st_a&b"), false);
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), QByteArray("http://127.0.0.1:8765/callback?error=access_denied&state=st_a%26b"));
    }

    void clientAndRedirectErrorsGiveA400Page_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("message");
        const QByteArray redirect = "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback";
        QTest::newRow("unknown client") << "response_type=code&client_id=nope&state=s" + redirect
                                        << QByteArray("Invalid client_id parameter value.");
        QTest::newRow("no client") << "response_type=code&state=s" + redirect
                                   << QByteArray("Missing client_id parameter.");
        QTest::newRow("unregistered uri")
            << QByteArray("response_type=code&client_id=refpeer-authcode-client&redirect_uri=http%3A%2F%2Fevil%2Fcb")
            << QByteArray("Mismatching redirect URI.");
        QTest::newRow("other port") << QByteArray("response_type=code&client_id=refpeer-authcode-client&redirect_uri="
                                                  "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback")
                                    << QByteArray("Mismatching redirect URI.");
        QTest::newRow("relative uri")
            << QByteArray("response_type=code&client_id=refpeer-authcode-client&redirect_uri=relative")
            << QByteArray("Invalid redirect URI.");
        QTest::newRow("client without uri") << QByteArray("response_type=code&client_id=refpeer-password-client")
                                            << QByteArray("Missing redirect URI.");
        QTest::newRow("duplicate state") << "response_type=code&client_id=refpeer-authcode-client&state=a&state=b" +
                                                redirect
                                         << QByteArray("Duplicate state parameter.");
    }
    void clientAndRedirectErrorsGiveA400Page()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, message);
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto r = browser.get("/o/authorize/?" + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.header("Location").isEmpty());
        QVERIFY(r.body.contains("Error: invalid_request"));
        QVERIFY2(r.body.contains(message), r.body.constData());
    }

    void otherErrorsRedirectInTheQuery_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("location");
        const QByteArray base =
            "client_id=refpeer-authcode-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback"
            "&state=s";
        const QByteArray callback = "http://127.0.0.1:8765/callback?";
        QTest::newRow("scope") << "response_type=code&scope=bogus&" + base << callback + "error=invalid_scope&state=s";
        QTest::newRow("token") << "response_type=token&" + base << callback + "error=unauthorized_client&state=s";
        QTest::newRow("unknown type") << "response_type=foo&" + base
                                      << callback + "error=unsupported_response_type&state=s";
        QTest::newRow("no type")
            << base << callback + "error=invalid_request&error_description=Missing+response_type+parameter.&state=s";
        QTest::newRow("method")
            << "response_type=code&code_challenge=abc&code_challenge_method=S512&" + base
            << callback + "error=invalid_request&error_description=Transform+algorithm+not+supported.&state=s";
        QTest::newRow("grant not allowed")
            << QByteArray("response_type=code&client_id=refpeer-cc-client&state=s") << QByteArray();
    }
    void otherErrorsRedirectInTheQuery()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, location);
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto r = browser.get("/o/authorize/?" + query);
        if (location.isEmpty()) { // no redirect URI registered: nowhere to send the error
            QCOMPARE(r.status, 400);
            return;
        }
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), location);
    }

    void postWithoutSessionGoesToLogin()
    {
        BrowserClient browser(port());
        browser.get("/accounts/login/");
        const QString token =
            BrowserClient::inputValue(browser.get("/accounts/login/").body, QStringLiteral("csrfmiddlewaretoken"));
        const auto r = browser.post("/o/authorize/", {{"csrfmiddlewaretoken", token},
                                                      {"client_id", LocalOAuthServer::authCodeClientId()},
                                                      {"allow", "Authorize"}});
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), QByteArray("/accounts/login/?next=/o/authorize/"));
    }

    void expiredSessionGoesToLogin()
    {
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const QByteArray target = authorizeTarget(LocalOAuthServer::authCodeClientId(), "s");
        QCOMPARE(browser.get(target).status, 200);
        m_server->advance(14 * 24 * 3600);
        QCOMPARE(browser.get(target).status, 302);
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationEndpoint)
#include "TestAuthorizationEndpoint.moc"
