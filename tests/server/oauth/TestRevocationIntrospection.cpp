#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;
using Fields = QList<std::pair<QString, QString>>;

// RFC 7009 revocation, RFC 7662 introspection (both with the ownership checks DOT 1.7 lacks), RFC 8414 metadata.
class TestRevocationIntrospection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalOAuthServer> m_server;

    HttpTestClient::Response post(const QByteArray& target, const Fields& fields, const QList<QByteArray>& headers = {})
    {
        HttpTestClient client(m_server->port());
        return client.postForm(target, fields, headers);
    }
    QJsonObject passwordTokens()
    {
        return post("/o/token/",
                    {{"grant_type", "password"}, {"username", "alice"}, {"password", LocalOAuthServer::demoPassword()}},
                    {LocalOAuthServer::passwordClientAuth()})
            .json();
    }
    QByteArray introspect(const QString& token, const QByteArray& auth)
    {
        return post("/o/introspect/", {{"token", token}}, {auth}).body;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void introspection()
    {
        const QJsonObject tokens = passwordTokens();
        const QString access = tokens.value("access_token").toString();
        const QByteArray active = introspect(access, LocalOAuthServer::passwordClientAuth());
        QCOMPARE(active, "{\"active\": true, \"scope\": \"read write groups\", \"exp\": " +
                             QByteArray::number(m_server->now() + 86400) +
                             ", \"client_id\": \"refpeer-password-client\", \"username\": \"alice\"}");
        // A resource server may introspect anything; another client learns nothing (DOT would tell it all).
        QCOMPARE(introspect(access, LocalOAuthServer::resourceServerAuth()), active);
        QCOMPARE(introspect(access, LocalOAuthServer::ccClientAuth()), QByteArray("{\"active\": false}"));
        // Refresh tokens, unknown tokens and a missing token are inactive.
        QCOMPARE(introspect(tokens.value("refresh_token").toString(), LocalOAuthServer::passwordClientAuth()),
                 QByteArray("{\"active\": false}"));
        QCOMPARE(introspect("nope", LocalOAuthServer::passwordClientAuth()), QByteArray("{\"active\": false}"));
        QCOMPARE(post("/o/introspect/", {}, {LocalOAuthServer::passwordClientAuth()}).body,
                 QByteArray("{\"active\": false}"));
        // GET with ?token= works too.
        const auto get = HttpTestClient::fetch(m_server->port(), "GET", "/o/introspect/?token=" + access.toUtf8(),
                                               {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(get.body, active);
        // Client-credentials tokens have no username.
        const QString cc = post("/o/token/", {{"grant_type", "client_credentials"}}, {LocalOAuthServer::ccClientAuth()})
                               .json()
                               .value("access_token")
                               .toString();
        QVERIFY(!introspect(cc, LocalOAuthServer::ccClientAuth()).contains("username"));
        // Expired tokens are inactive.
        m_server->advance(86401);
        QCOMPARE(introspect(access, LocalOAuthServer::passwordClientAuth()), QByteArray("{\"active\": false}"));
    }

    void introspectionCallerMustAuthenticate()
    {
        for (const QList<QByteArray>& headers :
             {QList<QByteArray>{}, QList<QByteArray>{HttpTestClient::basicAuth(LocalOAuthServer::ccClientId(), "x")}}) {
            const auto r = post("/o/introspect/", {{"token", "x"}}, headers);
            QCOMPARE(r.status, 403);
            QVERIFY(r.body.isEmpty());
            QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray());
        }
        QCOMPARE(post("/o/introspect/", {{"token", "x"}, {"client_id", LocalOAuthServer::publicClientId()}}).status,
                 403);
        const auto put =
            HttpTestClient::fetch(m_server->port(), "PUT", "/o/introspect/", {LocalOAuthServer::ccClientAuth()});
        QCOMPARE(put.status, 405);
        QCOMPARE(put.header("Allow"), QByteArray("GET, POST, HEAD, OPTIONS"));
    }

    void revocation()
    {
        const QJsonObject tokens = passwordTokens();
        const QString access = tokens.value("access_token").toString();
        // Another client cannot revoke it (RFC 7009 section 2.1; DOT would).
        const auto foreign = post("/o/revoke_token/", {{"token", access}}, {LocalOAuthServer::ccClientAuth()});
        QCOMPARE(foreign.status, 200);
        QVERIFY(introspect(access, LocalOAuthServer::passwordClientAuth()).contains("\"active\": true"));
        // Its own client can; a wrong hint still finds it.
        const auto r = post("/o/revoke_token/", {{"token", access}, {"token_type_hint", "refresh_token"}},
                            {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(r.header("Cache-Control"), QByteArray());
        QCOMPARE(introspect(access, LocalOAuthServer::passwordClientAuth()), QByteArray("{\"active\": false}"));
        // Unknown tokens and unsupported hints are fine.
        QCOMPARE(post("/o/revoke_token/", {{"token", "nope"}, {"token_type_hint", "foo"}},
                      {LocalOAuthServer::passwordClientAuth()})
                     .status,
                 200);
    }

    void revokingRefreshTokenKillsItsAccessToken()
    {
        const QJsonObject tokens = passwordTokens();
        QCOMPARE(post("/o/revoke_token/", {{"token", tokens.value("refresh_token").toString()}},
                      {LocalOAuthServer::passwordClientAuth()})
                     .status,
                 200);
        QCOMPARE(introspect(tokens.value("access_token").toString(), LocalOAuthServer::passwordClientAuth()),
                 QByteArray("{\"active\": false}"));
        QCOMPARE(post("/o/token/",
                      {{"grant_type", "refresh_token"}, {"refresh_token", tokens.value("refresh_token").toString()}},
                      {LocalOAuthServer::passwordClientAuth()})
                     .body,
                 QByteArray("{\"error\": \"invalid_grant\"}"));
    }

    void revocationErrors()
    {
        const auto noAuth = post("/o/revoke_token/", {{"token", "x"}});
        QCOMPARE(noAuth.status, 401);
        QCOMPARE(noAuth.body, QByteArray("{\"error\": \"invalid_client\"}"));
        QCOMPARE(noAuth.header("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_client\""));
        const auto missing = post("/o/revoke_token/", {}, {LocalOAuthServer::passwordClientAuth()});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.body,
                 QByteArray("{\"error\": \"invalid_request\", \"error_description\": \"Missing token parameter.\"}"));
        const auto get = HttpTestClient::fetch(m_server->port(), "GET", "/o/revoke_token/");
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("Allow"), QByteArray("POST, OPTIONS"));
        // A public client revokes with its client_id alone.
        QCOMPARE(post("/o/revoke_token/", {{"token", "x"}, {"client_id", LocalOAuthServer::publicClientId()}}).status,
                 200);
    }

    void metadata()
    {
        const auto r = HttpTestClient::fetch(m_server->port(), "GET", "/.well-known/oauth-authorization-server");
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        const QString origin = "http://127.0.0.1:" + QString::number(m_server->port());
        QCOMPARE(json.value("issuer").toString(), origin);
        QCOMPARE(json.value("token_endpoint").toString(), origin + "/o/token/");
        QCOMPARE(json.value("revocation_endpoint").toString(), origin + "/o/revoke_token/");
        QCOMPARE(json.value("introspection_endpoint").toString(), origin + "/o/introspect/");
        QCOMPARE(json.value("code_challenge_methods_supported").toArray(), QJsonArray({"plain", "S256"}));
        QVERIFY(json.value("grant_types_supported").toArray().contains("client_credentials"));
        QCOMPARE(json.value("scopes_supported").toArray(), QJsonArray({"read", "write", "groups"}));
    }
};

QTEST_GUILESS_MAIN(TestRevocationIntrospection)
#include "TestRevocationIntrospection.moc"
