#include "server/oauth/Pkce.h"
#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include <QJsonObject>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;
using Fields = QList<std::pair<QString, QString>>;

class TestTokenEndpoint : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalOAuthServer> m_server;

    HttpTestClient::Response post(const Fields& fields, const QList<QByteArray>& headers = {},
                                  const QByteArray& target = "/o/token/")
    {
        HttpTestClient client(m_server->port());
        return client.postForm(target, fields, headers);
    }
    HttpTestClient::Response passwordGrant(const QString& password = LocalOAuthServer::demoPassword(),
                                           const QString& username = LocalOAuthServer::demoUsername())
    {
        return post({{"grant_type", "password"}, {"username", username}, {"password", password}},
                    {LocalOAuthServer::passwordClientAuth()});
    }
    int apiStatus(const QString& accessToken)
    {
        return HttpTestClient::fetch(m_server->port(), "GET", "/api/users/1/",
                                     {"Authorization: Bearer " + accessToken.toUtf8()})
            .status;
    }
    static void verifyOAuthError(const HttpTestClient::Response& r, int status, const QByteArray& body)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("Pragma"), QByteArray("no-cache"));
        QCOMPARE(r.header("WWW-Authenticate"),
                 status == 401 ? QByteArray("Bearer error=\"invalid_client\"") : QByteArray());
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void passwordGrantSuccess()
    {
        const auto r = passwordGrant();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("Pragma"), QByteArray("no-cache"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject json = r.json();
        const QString access = json.value("access_token").toString();
        const QString refresh = json.value("refresh_token").toString();
        QCOMPARE(access.size(), 30);
        QCOMPARE(refresh.size(), 30);
        // oauthlib's key order and json.dumps spacing, byte for byte.
        QCOMPARE(r.body, QByteArray("{\"access_token\": \"" + access.toLatin1() +
                                    "\", \"expires_in\": 86400, \"token_type\": \"Bearer\", \"scope\": \"read write "
                                    "groups\", \"refresh_token\": \"" +
                                    refresh.toLatin1() + "\"}"));
        QCOMPARE(apiStatus(access), 200);
    }

    void clientAuthInBody()
    {
        const auto r = post({{"grant_type", "client_credentials"},
                             {"client_id", LocalOAuthServer::ccClientId()},
                             {"client_secret", LocalOAuthServer::ccClientSecret()}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains("refresh_token"));
        QCOMPARE(r.json().value("scope").toString(), QString("read write groups"));
        // A client_credentials token has no user: the API answers 403.
        QCOMPARE(apiStatus(r.json().value("access_token").toString()), 403);
    }

    void clientCredentialsScope()
    {
        const auto r =
            post({{"grant_type", "client_credentials"}, {"scope", "read"}}, {LocalOAuthServer::ccClientAuth()});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.endsWith("\"scope\": \"read\"}"));
    }

    void errors()
    {
        verifyOAuthError(passwordGrant("wrong"), 400,
                         "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid credentials given.\"}");
        verifyOAuthError(passwordGrant("x", "nobody"), 400,
                         "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid credentials given.\"}");
        const QByteArray invalidClient = "{\"error\": \"invalid_client\"}";
        verifyOAuthError(post({{"grant_type", "password"}, {"username", "alice"}, {"password", "x"}},
                              {HttpTestClient::basicAuth(LocalOAuthServer::passwordClientId(), "wrong")}),
                         401, invalidClient);
        verifyOAuthError(post({{"grant_type", "password"}, {"username", "alice"}, {"password", "x"}}), 401,
                         invalidClient);
        verifyOAuthError(post({{"grant_type", "password"},
                               {"username", "alice"},
                               {"password", "x"},
                               {"client_id", LocalOAuthServer::passwordClientId()}}),
                         401, invalidClient);
        verifyOAuthError(post({{"grant_type", "client_credentials"}}, {"Authorization: Basic !!!"}), 401,
                         invalidClient);
        verifyOAuthError(post({{"grant_type", "client_credentials"}, {"client_id", "unknown"}, {"client_secret", "x"}}),
                         401, invalidClient);
        verifyOAuthError(
            post({{"grant_type", "client_credentials"}, {"client_id", LocalOAuthServer::publicClientId()}}), 401,
            invalidClient);
        verifyOAuthError(post({}, {LocalOAuthServer::passwordClientAuth()}), 400,
                         "{\"error\": \"unsupported_grant_type\"}");
        verifyOAuthError(post({{"grant_type", "foo"}}, {LocalOAuthServer::passwordClientAuth()}), 400,
                         "{\"error\": \"unsupported_grant_type\"}");
        verifyOAuthError(
            post({{"grant_type", "password"}, {"password", "x"}}, {LocalOAuthServer::passwordClientAuth()}), 400,
            "{\"error\": \"invalid_request\", \"error_description\": \"Request is missing username "
            "parameter.\"}");
        verifyOAuthError(
            post({{"grant_type", "password"}, {"username", "alice"}}, {LocalOAuthServer::passwordClientAuth()}), 400,
            "{\"error\": \"invalid_request\", \"error_description\": \"Request is missing password "
            "parameter.\"}");
        verifyOAuthError(post({{"grant_type", "password"}, {"username", "alice"}, {"password", "alice-password-1"}},
                              {LocalOAuthServer::ccClientAuth()}),
                         400, "{\"error\": \"unauthorized_client\"}");
        verifyOAuthError(post({{"grant_type", "client_credentials"}}, {LocalOAuthServer::passwordClientAuth()}), 400,
                         "{\"error\": \"unauthorized_client\"}");
        verifyOAuthError(post({{"grant_type", "password"},
                               {"username", "alice"},
                               {"password", "alice-password-1"},
                               {"scope", "write read foo"}},
                              {LocalOAuthServer::passwordClientAuth()}),
                         400, "{\"error\": \"invalid_scope\"}");
        verifyOAuthError(
            post({{"grant_type", "password"}, {"username", "alice"}, {"password", "alice-password-1"}, {"scope", ""}},
                 {LocalOAuthServer::passwordClientAuth()}),
            400, "{\"error\": \"invalid_scope\"}");
    }

    void scopeEchoedInRequestedOrder()
    {
        const auto r = post({{"grant_type", "password"},
                             {"username", "alice"},
                             {"password", "alice-password-1"},
                             {"scope", "write read"}},
                            {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("scope").toString(), QString("write read"));
    }

    void jsonBodyIsNotParsed()
    {
        HttpTestClient client(m_server->port());
        const auto r = client.request("POST", "/o/token/",
                                      {"Content-Type: application/json", LocalOAuthServer::passwordClientAuth()},
                                      R"({"grant_type":"client_credentials"})");
        verifyOAuthError(r, 400, "{\"error\": \"unsupported_grant_type\"}");
    }

    void multipartBody()
    {
        HttpTestClient client(m_server->port());
        const QByteArray body = "--XyZ\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\n"
                                "client_credentials\r\n--XyZ--\r\n";
        const auto r =
            client.request("POST", "/o/token/",
                           {"Content-Type: multipart/form-data; boundary=XyZ", LocalOAuthServer::ccClientAuth()}, body);
        QCOMPARE(r.status, 200);
    }

    void methodsAndRedirect()
    {
        for (const QByteArray method : {"GET", "HEAD", "PUT", "DELETE"}) {
            const auto r = HttpTestClient::fetch(m_server->port(), method, "/o/token/");
            QCOMPARE(r.status, 405);
            QCOMPARE(r.header("Allow"), QByteArray("POST, OPTIONS"));
            QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
            QVERIFY(r.body.isEmpty());
        }
        const auto options = HttpTestClient::fetch(m_server->port(), "OPTIONS", "/o/token/");
        QCOMPARE(options.status, 200);
        QCOMPARE(options.header("Allow"), QByteArray("POST, OPTIONS"));
        const auto redirect = HttpTestClient::fetch(m_server->port(), "POST", "/o/token", {}, "grant_type=password");
        QCOMPARE(redirect.status, 301);
        QCOMPARE(redirect.header("Location"), QByteArray("/o/token/"));
        const auto apiRedirect = HttpTestClient::fetch(m_server->port(), "GET", "/api/users?page=2");
        QCOMPARE(apiRedirect.status, 301);
        QCOMPARE(apiRedirect.header("Location"), QByteArray("/api/users/?page=2"));
    }

    void queryParametersRefused()
    {
        // The peer answers 500 here; we answer a proper invalid_request.
        verifyOAuthError(post({{"grant_type", "password"}, {"username", "alice"}, {"password", "alice-password-1"}},
                              {LocalOAuthServer::passwordClientAuth()}, "/o/token/?grant_type=password"),
                         400,
                         "{\"error\": \"invalid_request\", \"error_description\": \"URL query parameters are not "
                         "allowed\"}");
    }

    void refreshRotation()
    {
        const QJsonObject first = passwordGrant().json();
        const QString access1 = first.value("access_token").toString();
        const QString refresh1 = first.value("refresh_token").toString();
        const auto r = post({{"grant_type", "refresh_token"}, {"refresh_token", refresh1}},
                            {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(r.status, 200);
        const QString access2 = r.json().value("access_token").toString();
        const QString refresh2 = r.json().value("refresh_token").toString();
        QVERIFY(access2 != access1 && refresh2 != refresh1);
        QCOMPARE(apiStatus(access1), 401); // the old access token dies at once
        QCOMPARE(apiStatus(access2), 200);
        // Reusing the old refresh token fails and does not hurt the new pair.
        verifyOAuthError(post({{"grant_type", "refresh_token"}, {"refresh_token", refresh1}},
                              {LocalOAuthServer::passwordClientAuth()}),
                         400, "{\"error\": \"invalid_grant\"}");
        QCOMPARE(apiStatus(access2), 200);
        // Narrowing works, widening does not.
        verifyOAuthError(post({{"grant_type", "refresh_token"}, {"refresh_token", refresh2}, {"scope", "read foo"}},
                              {LocalOAuthServer::passwordClientAuth()}),
                         400, "{\"error\": \"invalid_scope\"}");
        const auto narrowed = post({{"grant_type", "refresh_token"}, {"refresh_token", refresh2}, {"scope", "read"}},
                                   {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(narrowed.status, 200);
        QCOMPARE(narrowed.json().value("scope").toString(), QString("read"));
    }

    void refreshErrors()
    {
        const QString refresh = passwordGrant().json().value("refresh_token").toString();
        verifyOAuthError(post({{"grant_type", "refresh_token"}}, {LocalOAuthServer::passwordClientAuth()}), 400,
                         "{\"error\": \"invalid_request\", \"error_description\": \"Missing refresh token "
                         "parameter.\"}");
        verifyOAuthError(
            post({{"grant_type", "refresh_token"}, {"refresh_token", "zzz"}}, {LocalOAuthServer::passwordClientAuth()}),
            400, "{\"error\": \"invalid_grant\"}");
        // Another client's refresh token.
        verifyOAuthError(
            post({{"grant_type", "refresh_token"}, {"refresh_token", refresh}}, {LocalOAuthServer::ccClientAuth()}),
            400, "{\"error\": \"invalid_grant\"}");
        // A confidential client without authentication.
        verifyOAuthError(post({{"grant_type", "refresh_token"}, {"refresh_token", refresh}}), 401,
                         "{\"error\": \"invalid_client\"}");
    }

    void refreshAfterExpiryWorks()
    {
        const QJsonObject first = passwordGrant().json();
        m_server->advance(86401);
        QCOMPARE(apiStatus(first.value("access_token").toString()), 401);
        const auto r =
            post({{"grant_type", "refresh_token"}, {"refresh_token", first.value("refresh_token").toString()}},
                 {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(r.status, 200);
        QCOMPARE(apiStatus(r.json().value("access_token").toString()), 200);
    }

    void refreshAfterRevocationIsInvalidGrant()
    {
        // DOT 1.7 answers 500 here.
        const QJsonObject first = passwordGrant().json();
        const auto revoke = post({{"token", first.value("access_token").toString()}},
                                 {LocalOAuthServer::passwordClientAuth()}, "/o/revoke_token/");
        QCOMPARE(revoke.status, 200);
        verifyOAuthError(
            post({{"grant_type", "refresh_token"}, {"refresh_token", first.value("refresh_token").toString()}},
                 {LocalOAuthServer::passwordClientAuth()}),
            400, "{\"error\": \"invalid_grant\"}");
    }

    void lockout()
    {
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(passwordGrant("wrong").json().value("error_description").toString(),
                     QString("Invalid credentials given."));
        }
        // Locked: even the right password is refused, with a description that says why.
        const auto locked = passwordGrant();
        QCOMPARE(locked.status, 400);
        QCOMPARE(locked.json().value("error").toString(), QString("invalid_grant"));
        QVERIFY(locked.json().value("error_description").toString().contains("locked"));
        // Other users are not affected.
        QCOMPARE(passwordGrant(LocalOAuthServer::otherUsersPassword(), "user01").status, 200);
        m_server->advance(15 * 60 + 1);
        QCOMPARE(passwordGrant().status, 200);
    }

    void authorizationCodeWithPkceS256()
    {
        const QString verifier = "dBjftJeZ4CVP-mB92K9uhvUyPfa4zC7Mem7lMvdb8Sw";
        const QString challenge = tb::server::Pkce::s256Challenge(verifier);
        // base64url(sha256(verifier)) as computed by Python hashlib.
        QCOMPARE(challenge, QString("oumAokdUBnPSkN-oYWJPLdjR-FKyRKLO4nIbDhpeT8E"));
        const QString code =
            m_server->issueAuthorizationCode(LocalOAuthServer::publicClientId(), "alice",
                                             LocalOAuthServer::redirectUri(), "read write", challenge, "S256");
        QVERIFY(!code.isEmpty());
        const Fields base = {{"grant_type", "authorization_code"},
                             {"code", code},
                             {"redirect_uri", LocalOAuthServer::redirectUri()},
                             {"client_id", LocalOAuthServer::publicClientId()}};
        verifyOAuthError(post(base), 400,
                         "{\"error\": \"invalid_request\", \"error_description\": \"Code verifier required.\"}");
        verifyOAuthError(post(base + Fields{{"code_verifier", "wrong-verifier"}}), 400,
                         "{\"error\": \"invalid_grant\"}");
        const auto r = post(base + Fields{{"code_verifier", verifier}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("scope").toString(), QString("read write"));
        QVERIFY(r.json().contains("refresh_token"));
        // Single use; the tokens issued from it keep working.
        verifyOAuthError(post(base + Fields{{"code_verifier", verifier}}), 400, "{\"error\": \"invalid_grant\"}");
        QCOMPARE(apiStatus(r.json().value("access_token").toString()), 200);
    }

    void authorizationCodePlainAndConfidential()
    {
        const QString code =
            m_server->issueAuthorizationCode(LocalOAuthServer::authCodeClientId(), "alice",
                                             LocalOAuthServer::redirectUri(), "read", "plain-verifier", "plain");
        const QByteArray auth = LocalOAuthServer::authCodeClientAuth();
        verifyOAuthError(post({{"grant_type", "authorization_code"},
                               {"code", code},
                               {"code_verifier", "plain-verifier"},
                               {"redirect_uri", "http://127.0.0.1:9999/other"}},
                              {auth}),
                         400, "{\"error\": \"invalid_request\", \"error_description\": \"Mismatching redirect URI.\"}");
        const auto r = post({{"grant_type", "authorization_code"},
                             {"code", code},
                             {"code_verifier", "plain-verifier"},
                             {"redirect_uri", LocalOAuthServer::redirectUri()}},
                            {auth});
        QCOMPARE(r.status, 200);
        verifyOAuthError(post({{"grant_type", "authorization_code"}}, {auth}), 400,
                         "{\"error\": \"invalid_request\", \"error_description\": \"Missing code parameter.\"}");
        verifyOAuthError(
            post({{"grant_type", "authorization_code"}, {"code", "zzz"}}, {LocalOAuthServer::passwordClientAuth()}),
            400, "{\"error\": \"unauthorized_client\"}");
    }

    void authorizationCodeExpires()
    {
        const QString code = m_server->issueAuthorizationCode(LocalOAuthServer::authCodeClientId(), "alice",
                                                              LocalOAuthServer::redirectUri());
        m_server->advance(61);
        verifyOAuthError(post({{"grant_type", "authorization_code"},
                               {"code", code},
                               {"client_id", LocalOAuthServer::authCodeClientId()},
                               {"client_secret", LocalOAuthServer::authCodeClientSecret()}}),
                         400, "{\"error\": \"invalid_grant\"}");
    }

    void accessTokenExpiry()
    {
        const QString access = passwordGrant().json().value("access_token").toString();
        m_server->advance(86399);
        QCOMPARE(apiStatus(access), 200);
        m_server->advance(2);
        const auto r =
            HttpTestClient::fetch(m_server->port(), "GET", "/api/users/", {"Authorization: Bearer " + access.toUtf8()});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("WWW-Authenticate"),
                 QByteArray("Bearer realm=\"api\",error=\"invalid_token\",error_description=\"The access token has "
                            "expired.\""));
    }
};

QTEST_GUILESS_MAIN(TestTokenEndpoint)
#include "TestTokenEndpoint.moc"
