// RFC 8628 device authorization against the bundled server: /o/device_authorization/, the verification page
// /o/device/ driven like a browser, and the device_code grant at /o/token/, with the injected clock.
#include "support/BrowserClient.h"
#include "support/LocalOAuthServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using tb::test::BrowserClient;
using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;
using Fields = QList<std::pair<QString, QString>>;

namespace {

const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

} // namespace

class TestDeviceFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalOAuthServer> m_server;

    quint16 port() const { return m_server->port(); }

    HttpTestClient::Response post(const QByteArray& target, const Fields& fields, const QList<QByteArray>& headers = {})
    {
        HttpTestClient client(port());
        return client.postForm(target, fields, headers);
    }

    QJsonObject authorizeDevice(const QString& scope = {})
    {
        Fields fields = {{"client_id", LocalOAuthServer::deviceClientId()}};
        if (!scope.isEmpty()) {
            fields.append({"scope", scope});
        }
        const auto r = post("/o/device_authorization/", fields);
        return r.status == 200 ? r.json() : QJsonObject();
    }

    HttpTestClient::Response poll(const QString& deviceCode,
                                  const QString& clientId = LocalOAuthServer::deviceClientId())
    {
        return post("/o/token/", {{"grant_type", kDeviceGrant}, {"device_code", deviceCode}, {"client_id", clientId}});
    }

    static void verifyError(const HttpTestClient::Response& r, const QByteArray& error)
    {
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"error\": \"" + error + "\"}"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    }

    // A logged-in browser that opens verification_uri_complete and answers the confirmation page.
    HttpTestClient::Response decide(const QJsonObject& device, bool allow)
    {
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const QUrl complete(device.value("verification_uri_complete").toString());
        const auto page = browser.get(complete.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        if (page.status != 200 || !page.body.contains("name=\"allow\"")) {
            return page; // no confirmation form: the page says why
        }
        Fields fields = BrowserClient::hiddenInputs(page.body);
        if (allow) {
            fields.append({QStringLiteral("allow"), QStringLiteral("Authorize")});
        }
        return browser.post("/o/device/", fields);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void deviceAuthorizationResponse()
    {
        const auto r = post("/o/device_authorization/",
                            {{"client_id", LocalOAuthServer::deviceClientId()}, {"scope", "read write"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject json = r.json();
        QCOMPARE(json.keys().size(), 6);
        const QString userCode = json.value("user_code").toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$"))
                     .match(userCode)
                     .hasMatch(),
                 qPrintable(userCode));
        const QString deviceCode = json.value("device_code").toString();
        QCOMPARE(deviceCode.size(), 40);
        const QString verification = QStringLiteral("http://127.0.0.1:%1/o/device/").arg(port());
        QCOMPARE(json.value("verification_uri").toString(), verification);
        QCOMPARE(json.value("verification_uri_complete").toString(), verification + "?user_code=" + userCode);
        QCOMPARE(json.value("expires_in").toInt(), 600);
        QCOMPARE(json.value("interval").toInt(), 5);
        // RFC 8628 section 3.2's order, json.dumps spacing.
        QVERIFY(r.body.startsWith("{\"device_code\": \"" + deviceCode.toLatin1() + "\", \"user_code\": \""));
        QVERIFY(r.body.endsWith(", \"expires_in\": 600, \"interval\": 5}"));
        // The DOT 3 spelling of the path answers too.
        QCOMPARE(post("/o/device-authorization/", {{"client_id", LocalOAuthServer::deviceClientId()}}).status, 200);
    }

    void deviceAuthorizationErrors()
    {
        const auto unknown = post("/o/device_authorization/", {{"client_id", "nope"}});
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.header("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_client\""));
        const auto notAllowed = post("/o/device_authorization/", {}, {LocalOAuthServer::passwordClientAuth()});
        verifyError(notAllowed, "unauthorized_client");
        verifyError(
            post("/o/device_authorization/", {{"client_id", LocalOAuthServer::deviceClientId()}, {"scope", "admin"}}),
            "invalid_scope");
        const auto get = HttpTestClient::fetch(port(), "GET", "/o/device_authorization/");
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("Allow"), QByteArray("POST, OPTIONS"));
    }

    void pendingThenSlowDown()
    {
        const QJsonObject device = authorizeDevice();
        const QString code = device.value("device_code").toString();
        verifyError(poll(code), "authorization_pending");
        verifyError(poll(code), "slow_down"); // polled again at once: the interval is now 10 s
        m_server->advance(5);
        verifyError(poll(code), "slow_down"); // 5 s < 10 s: slow down again, 15 s from now on
        m_server->advance(14);
        verifyError(poll(code), "slow_down");
        m_server->advance(20);
        verifyError(poll(code), "authorization_pending");
    }

    void approvalIssuesTokensOnce()
    {
        const QJsonObject device = authorizeDevice(QStringLiteral("read"));
        const QString code = device.value("device_code").toString();
        verifyError(poll(code), "authorization_pending");

        const auto approved = decide(device, true);
        QCOMPARE(approved.status, 200);
        QVERIFY2(approved.body.contains("Device authorized"), approved.body.constData());

        m_server->advance(5);
        const auto tokens = poll(code);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject json = tokens.json();
        QCOMPARE(json.value("scope").toString(), QStringLiteral("read"));
        QCOMPARE(json.value("token_type").toString(), QStringLiteral("Bearer"));
        QCOMPARE(json.value("refresh_token").toString().size(), 30);
        const auto me =
            HttpTestClient::fetch(port(), "GET", "/api/users/?username=alice",
                                  {"Authorization: Bearer " + json.value("access_token").toString().toLatin1()});
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("count").toInt(), 1);

        m_server->advance(5);
        verifyError(poll(code), "invalid_grant"); // spent
        // The refresh token rotates like any other.
        const auto refreshed = post("/o/token/", {{"grant_type", "refresh_token"},
                                                  {"refresh_token", json.value("refresh_token").toString()},
                                                  {"client_id", LocalOAuthServer::deviceClientId()}});
        QCOMPARE(refreshed.status, 200);
    }

    void denialGivesAccessDenied()
    {
        const QJsonObject device = authorizeDevice();
        const auto denied = decide(device, false);
        QCOMPARE(denied.status, 200);
        QVERIFY(denied.body.contains("Access denied"));
        const QString code = device.value("device_code").toString();
        verifyError(poll(code), "access_denied");
        m_server->advance(5);
        verifyError(poll(code), "access_denied");
        // A decided code cannot be approved afterwards.
        const auto again = decide(device, true);
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("not valid or has expired"));
        verifyError(poll(code), "access_denied");
    }

    void expiryGivesExpiredToken()
    {
        const QJsonObject device = authorizeDevice();
        const QString code = device.value("device_code").toString();
        m_server->advance(599);
        verifyError(poll(code), "authorization_pending");
        m_server->advance(1);
        verifyError(poll(code), "expired_token");
        // The verification page no longer accepts the code either.
        const auto late = decide(device, true);
        QVERIFY(late.body.contains("not valid or has expired"));
        verifyError(poll(code), "expired_token");
    }

    void deviceCodeIsBoundToItsClientAndChecked()
    {
        const QJsonObject device = authorizeDevice();
        const QString code = device.value("device_code").toString();
        verifyError(poll(QStringLiteral("not-a-device-code")), "invalid_grant");
        const auto missing =
            post("/o/token/", {{"grant_type", kDeviceGrant}, {"client_id", LocalOAuthServer::deviceClientId()}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.body,
                 QByteArray("{\"error\": \"invalid_request\", \"error_description\": \"Missing device_code "
                            "parameter.\"}"));
        // Another client may not redeem it (the public auth code client does not have the grant at all).
        verifyError(poll(code, LocalOAuthServer::publicClientId()), "unauthorized_client");
    }

    void verificationPageNeedsALogin()
    {
        const auto r = HttpTestClient::fetch(port(), "GET", "/o/device/?user_code=BCDF-GHJK");
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), QByteArray("/accounts/login/?next=/o/device/%3Fuser_code%3DBCDF-GHJK"));
    }

    void verificationPageEntryAndConfirmation()
    {
        const QJsonObject device = authorizeDevice();
        const QString userCode = device.value("user_code").toString();
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto entry = browser.get("/o/device/");
        QCOMPARE(entry.status, 200);
        QVERIFY(entry.body.contains("<label for=\"id_user_code\">"));
        QVERIFY(entry.body.contains("name=\"user_code\""));
        // Typed in lower case without the dash: still found, shown canonically.
        const QByteArray typed = userCode.toLower().remove(u'-').toLatin1();
        const auto confirm = browser.get("/o/device/?user_code=" + typed);
        QCOMPARE(confirm.status, 200);
        QCOMPARE(BrowserClient::inputValue(confirm.body, "user_code"), userCode);
        QCOMPARE(BrowserClient::inputValue(confirm.body, "csrfmiddlewaretoken").size(), 64);
        QVERIFY(confirm.body.contains("Device authorization (demo)"));
        QVERIFY(confirm.body.contains("<li>Read scope</li>"));
        QVERIFY(confirm.body.contains("name=\"allow\" value=\"Authorize\""));
    }

    void verificationPostNeedsTheCsrfToken()
    {
        const QJsonObject device = authorizeDevice();
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        const auto r =
            browser.post("/o/device/", {{"user_code", device.value("user_code").toString()}, {"allow", "Authorize"}});
        QCOMPARE(r.status, 403);
        verifyError(poll(device.value("device_code").toString()), "authorization_pending");
    }

    void wrongCodesLockEntry()
    {
        const QJsonObject device = authorizeDevice();
        BrowserClient browser(port());
        browser.logIn(LocalOAuthServer::demoUsername(), LocalOAuthServer::demoPassword());
        for (int i = 0; i < 10; ++i) {
            const auto r = browser.get("/o/device/?user_code=BBBB-BBBB");
            QVERIFY(r.body.contains("not valid or has expired"));
        }
        const auto locked = browser.get("/o/device/?user_code=" + device.value("user_code").toString().toLatin1());
        QVERIFY(locked.body.contains("Too many wrong codes"));
        QVERIFY(!locked.body.contains("name=\"allow\""));
    }

    void metadataAdvertisesTheDeviceEndpoint()
    {
        const auto r = HttpTestClient::fetch(port(), "GET", "/.well-known/oauth-authorization-server");
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        QCOMPARE(json.value("device_authorization_endpoint").toString(),
                 QStringLiteral("http://127.0.0.1:%1/o/device_authorization/").arg(port()));
        QVERIFY(json.value("grant_types_supported").toArray().contains(kDeviceGrant));
    }
};

QTEST_GUILESS_MAIN(TestDeviceFlow)
#include "TestDeviceFlow.moc"
