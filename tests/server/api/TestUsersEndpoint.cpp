#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include "server/store/Database.h"
#include "server/store/UserStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;

// /api/users/ as DRF + OAuth2Authentication answers it: every byte of the bodies and the headers clients see.
class TestUsersEndpoint : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalOAuthServer> m_server;
    QByteArray m_token;

    QByteArray bearer() const { return "Authorization: Bearer " + m_token; }
    HttpTestClient::Response call(const QByteArray& method, const QByteArray& target,
                                  const QList<QByteArray>& headers = {}, const QByteArray& body = {})
    {
        return HttpTestClient::fetch(m_server->port(), method, target, headers, body);
    }
    HttpTestClient::Response json(const QByteArray& method, const QByteArray& target, const QByteArray& body)
    {
        return call(method, target, {bearer(), "Content-Type: application/json"}, body);
    }
    QByteArray tokenFor(const QString& clientId, const QString& secret, const QString& grant, const QString& scope)
    {
        QList<std::pair<QString, QString>> fields = {{"grant_type", grant}, {"scope", scope}};
        if (grant == "password") {
            fields += {{"username", "alice"}, {"password", LocalOAuthServer::demoPassword()}};
        }
        HttpTestClient client(m_server->port());
        return client.postForm("/o/token/", fields, {HttpTestClient::basicAuth(clientId, secret)})
            .json()
            .value("access_token")
            .toString()
            .toUtf8();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LocalOAuthServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_token = tokenFor(LocalOAuthServer::passwordClientId(), LocalOAuthServer::passwordClientSecret(), "password",
                           "read write groups");
        QCOMPARE(m_token.size(), 30);
    }
    void cleanup() { m_server.reset(); }

    void unauthenticated_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("challenge");
        const QByteArray plain = "Bearer realm=\"api\"";
        const QByteArray invalid =
            "Bearer realm=\"api\",error=\"invalid_token\",error_description=\"The access token is invalid.\"";
        QTest::newRow("none") << QByteArray() << plain;
        QTest::newRow("scheme only") << QByteArray("Authorization: Bearer") << plain;
        QTest::newRow("trailing space") << QByteArray("Authorization: Bearer ") << plain;
        QTest::newRow("basic") << QByteArray("Authorization: Basic eHg6eXk=") << plain;
        QTest::newRow("token scheme") << QByteArray("Authorization: Token abc") << plain;
        QTest::newRow("three parts") << QByteArray("Authorization: Bearer abc def") << plain;
        QTest::newRow("wrong token") << QByteArray("Authorization: Bearer wrong") << invalid;
    }

    void unauthenticated()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, challenge);
        const auto r = call("GET", "/api/users/", authorization.isEmpty() ? QList<QByteArray>{} : QList{authorization});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray("{\"detail\":\"Authentication credentials were not provided.\"}"));
        QCOMPARE(r.header("WWW-Authenticate"), challenge);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Vary"), QByteArray("Accept"));
        QCOMPARE(r.header("Allow"), QByteArray("GET, POST, HEAD, OPTIONS"));
        // DRF's header order.
        QStringList names;
        for (const auto& header : r.headers) {
            names << QString::fromLatin1(header.first);
        }
        QVERIFY(names.indexOf("Content-Type") < names.indexOf("WWW-Authenticate"));
        QVERIFY(names.indexOf("WWW-Authenticate") < names.indexOf("Vary"));
        QVERIFY(names.indexOf("Vary") < names.indexOf("Allow"));
    }

    void authenticationBeforeMethodCheck()
    {
        QCOMPARE(call("PATCH", "/api/users/").status, 401);
        QCOMPARE(call("OPTIONS", "/api/users/").status, 401);
        QCOMPARE(call("HEAD", "/api/users/1/").status, 401);
        const auto r = call("PATCH", "/api/users/", {bearer()});
        QCOMPARE(r.status, 405);
        QCOMPARE(r.body, QByteArray("{\"detail\":\"Method \\\"PATCH\\\" not allowed.\"}"));
    }

    void tokenVariants()
    {
        QCOMPARE(call("GET", "/api/users/1/", {"Authorization: bearer " + m_token}).status, 200);
        QCOMPARE(call("GET", "/api/users/1/", {"Authorization: BEARER " + m_token}).status, 200);
        QCOMPARE(call("GET", "/api/users/1/?access_token=" + m_token).status, 200);
        // With any Authorization header, the query parameter is ignored.
        QCOMPARE(call("GET", "/api/users/1/?access_token=" + m_token, {"Authorization: Basic eHg6eXk="}).status, 401);
    }

    void clientCredentialsTokenIsForbidden()
    {
        const QByteArray token = tokenFor(LocalOAuthServer::ccClientId(), LocalOAuthServer::ccClientSecret(),
                                          "client_credentials", "read write");
        const auto r = call("GET", "/api/users/", {"Authorization: Bearer " + token});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray("{\"detail\":\"You do not have permission to perform this action.\"}"));
    }

    void pagination()
    {
        const auto first = call("GET", "/api/users/", {bearer()});
        QCOMPARE(first.status, 200);
        const QJsonObject page1 = first.json();
        QCOMPARE(page1.value("count").toInt(), 46);
        const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(m_server->port());
        QCOMPARE(page1.value("next").toString().toUtf8(), origin + "/api/users/?page=2");
        QVERIFY(page1.value("previous").isNull());
        QCOMPARE(page1.value("results").toArray().size(), 20);
        QCOMPARE(page1.value("results").toArray().first().toObject().value("username").toString(), QString("alice"));
        QVERIFY(first.body.startsWith("{\"count\":46,\"next\":\"http://"));
        QVERIFY(first.body.contains(
            "{\"id\":1,\"username\":\"alice\",\"email\":\"alice@example.com\",\"first_name\":\"Alice\",\"last_name\":"
            "\"Liddell\"}"));

        const QJsonObject page2 = call("GET", "/api/users/?page=2&foo=bar&a=1", {bearer()}).json();
        QCOMPARE(page2.value("previous").toString().toUtf8(), origin + "/api/users/?a=1&foo=bar");
        QCOMPARE(page2.value("next").toString().toUtf8(), origin + "/api/users/?a=1&foo=bar&page=3");
        const QJsonObject last = call("GET", "/api/users/?page=last", {bearer()}).json();
        QCOMPARE(last.value("results").toArray().size(), 6);
        QVERIFY(last.value("next").isNull());
        QCOMPARE(last.value("previous").toString().toUtf8(), origin + "/api/users/?page=2");

        for (const QByteArray page : {"999", "abc", "0", "-1", "", "1.5"}) {
            const auto r = call("GET", "/api/users/?page=" + page, {bearer()});
            QCOMPARE(r.status, 404);
            QCOMPARE(r.body, QByteArray("{\"detail\":\"Invalid page.\"}"));
        }
        // Links follow the Host header, and X-Forwarded-Proto from 127.0.0.1 (as gunicorn trusts it).
        const QJsonObject proxied =
            call("GET", "/api/users/", {bearer(), "Host: localhost", "X-Forwarded-Proto: https"}).json();
        QCOMPARE(proxied.value("next").toString(), QString("https://localhost/api/users/?page=2"));
    }

    void filters()
    {
        auto usernames = [this](const QByteArray& query) {
            QStringList names;
            for (const QJsonValue& user :
                 call("GET", "/api/users/?" + query, {bearer()}).json().value("results").toArray()) {
                names << user.toObject().value("username").toString();
            }
            return names;
        };
        QCOMPARE(usernames("username=alice"), QStringList{"alice"});
        QCOMPARE(usernames("username=ALICE"), QStringList{});
        QCOMPARE(usernames("username=ali"), QStringList{});
        QCOMPARE(usernames("email=user02%40example.com"), QStringList{"user02"});
        QCOMPARE(usernames("email=user02@example.com&email=user03@example.com"), QStringList{"user03"});
        QCOMPARE(usernames("email=&unknown=1").size(), 20);
        const auto empty = call("GET", "/api/users/?username=nobody", {bearer()});
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.body, QByteArray("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}"));
        QCOMPARE(call("GET", "/api/users/?username=nobody&page=2", {bearer()}).status, 404);
    }

    void createAndValidation()
    {
        const auto created = json("POST", "/api/users/",
                                  R"({"username":"bob","email":"bob@example.com","password":"pw-bob-123","id":99})");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("Location"), QByteArray());
        QVERIFY(created.body.startsWith("{\"id\":47,\"username\":\"bob\",\"email\":\"bob@example.com\",\"first_name\":"
                                        "\"\",\"last_name\":\"\"}"));
        // The new password works for the password grant (stored hashed, never returned).
        HttpTestClient client(m_server->port());
        QCOMPARE(client
                     .postForm("/o/token/",
                               {{"grant_type", "password"}, {"username", "bob"}, {"password", "pw-bob-123"}},
                               {LocalOAuthServer::passwordClientAuth()})
                     .status,
                 200);

        const auto check = [this](const QByteArray& body, const QByteArray& expected, int status = 400) {
            const auto r = json("POST", "/api/users/", body);
            QCOMPARE(r.status, status);
            QCOMPARE(r.body, expected);
        };
        check(R"({"username":"bob","email":"bad"})",
              R"({"username":["A user with that username already exists."],"email":["Enter a valid email address."]})");
        check("{}", R"({"username":["This field is required."]})");
        check("[1]", R"({"non_field_errors":["Invalid data. Expected a dictionary, but got list."]})");
        check("\"x\"", R"({"non_field_errors":["Invalid data. Expected a dictionary, but got str."]})");
        check("null", R"({"non_field_errors":["No data provided"]})");
        check(R"({"username": x})", "{\"detail\":\"JSON parse error - Expecting value: line 1 column 14 (char 13)\"}");
        check(R"({"a":1,})", "{\"detail\":\"JSON parse error - Expecting property name enclosed in double quotes: line "
                             "1 column 8 (char 7)\"}");
        check("   ", "{\"detail\":\"JSON parse error - Expecting value: line 1 column 4 (char 3)\"}");
        check(R"({"username":"","email":""})", R"({"username":["This field may not be blank."]})");
        check(R"({"username":"zed","password":""})", R"({"password":["This field may not be blank."]})");
        check(
            R"({"username":"a b!","email":"a@b"})",
            R"({"username":["Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."],"email":["Enter a valid email address."]})");
        check("{\"username\":\"" + QByteArray(151, 'a') + "\"}",
              R"({"username":["Ensure this field has no more than 150 characters."]})");
        check(R"({"username":"ok1","email":null,"first_name":["x"]})",
              R"({"email":["This field may not be null."],"first_name":["Not a valid string."]})");
        check(R"({"username":"zed2","email":"a@localhost","first_name":"  x  "})",
              R"({"id":48,"username":"zed2","email":"a@localhost","first_name":"x","last_name":""})", 201);

        const auto text = call("POST", "/api/users/", {bearer(), "Content-Type: text/plain"}, "hi");
        QCOMPARE(text.status, 415);
        QCOMPARE(text.body, QByteArray("{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}"));
        const auto form = call("POST", "/api/users/", {bearer(), "Content-Type: application/x-www-form-urlencoded"},
                               "username=carol&email=carol%40example.com");
        QCOMPARE(form.status, 201);
        QCOMPARE(form.json().value("email").toString(), QString("carol@example.com"));
    }

    void detail()
    {
        const auto r = call("GET", "/api/users/1/", {bearer()});
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.body,
            QByteArray(
                R"({"id":1,"username":"alice","email":"alice@example.com","first_name":"Alice","last_name":"Liddell"})"));
        QCOMPARE(r.header("Allow"), QByteArray("GET, PUT, PATCH, DELETE, HEAD, OPTIONS"));
        const auto head = call("HEAD", "/api/users/1/", {bearer()});
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(r.body.size()));
        QVERIFY(head.body.isEmpty());

        const auto missing = call("GET", "/api/users/9999/", {bearer()});
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.body, QByteArray(R"({"detail":"Not found."})"));

        QCOMPARE(json("PUT", "/api/users/2/", R"({"email":"x@y.com"})").body,
                 QByteArray(R"({"username":["This field is required."]})"));
        QCOMPARE(
            json("PATCH", "/api/users/2/", R"({"first_name":"Uno"})").body,
            QByteArray(
                R"({"id":2,"username":"user01","email":"user01@example.com","first_name":"Uno","last_name":"01"})"));
        QCOMPARE(
            json("PUT", "/api/users/2/", R"({"username":"user01b","last_name":"Z"})").body,
            QByteArray(
                R"({"id":2,"username":"user01b","email":"user01@example.com","first_name":"Uno","last_name":"Z"})"));
        QCOMPARE(json("PATCH", "/api/users/2/", R"({"username":"alice"})").body,
                 QByteArray(R"({"username":["A user with that username already exists."]})"));
        QCOMPARE(json("PATCH", "/api/users/2/", R"({"username":"user01b"})").status, 200); // itself is fine

        const auto deleted = call("DELETE", "/api/users/3/", {bearer()});
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        QCOMPARE(deleted.header("Content-Type"), QByteArray());
        QCOMPARE(call("GET", "/api/users/3/", {bearer()}).status, 404);
        QCOMPARE(call("POST", "/api/users/1/", {bearer()}).status, 405);
    }

    void optionsAndNegotiation()
    {
        const auto list = call("OPTIONS", "/api/users/", {bearer()});
        QCOMPARE(list.status, 200);
        QVERIFY(list.body.startsWith("{\"name\":\"User List Create\""));
        QVERIFY(list.body.contains("\"actions\":{\"POST\":"));
        const auto detail = call("OPTIONS", "/api/users/1/", {bearer()});
        QVERIFY(detail.body.contains("\"actions\":{\"PUT\":"));
        QVERIFY(!call("OPTIONS", "/api/users/9999/", {bearer()}).body.contains("actions"));
        const auto xml = call("GET", "/api/users/", {"Accept: application/xml"});
        QCOMPARE(xml.status, 406); // negotiation comes before authentication
        QCOMPARE(xml.body, QByteArray(R"({"detail":"Could not satisfy the request Accept header."})"));
        QCOMPARE(call("GET", "/api/users/1/", {bearer(), "Accept: text/html,application/xhtml+xml"}).status, 200);
    }

    void enforceScopes()
    {
        LocalOAuthServer::Options options;
        options.enforceScopes = true;
        m_server = std::make_unique<LocalOAuthServer>(options);
        QVERIFY(m_server->start());
        const QByteArray readOnly = tokenFor(LocalOAuthServer::passwordClientId(),
                                             LocalOAuthServer::passwordClientSecret(), "password", "read");
        const QByteArray writeOnly = tokenFor(LocalOAuthServer::passwordClientId(),
                                              LocalOAuthServer::passwordClientSecret(), "password", "write");
        QCOMPARE(call("GET", "/api/users/", {"Authorization: Bearer " + readOnly}).status, 200);
        const auto refused =
            call("POST", "/api/users/", {"Authorization: Bearer " + readOnly, "Content-Type: application/json"},
                 R"({"username":"new"})");
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.body, QByteArray("{\"detail\":\"You do not have permission to perform this action.\"}"));
        QCOMPARE(call("GET", "/api/users/", {"Authorization: Bearer " + writeOnly}).status, 403);
        QCOMPARE(call("POST", "/api/users/", {"Authorization: Bearer " + writeOnly, "Content-Type: application/json"},
                      R"({"username":"new"})")
                     .status,
                 201);
    }

    // The list pages are rendered once and reused: every write, ours or another connection's, must show at once.
    void listFollowsEveryChange()
    {
        const auto countAndLast = [this](const QByteArray& target) {
            const QJsonObject page = call("GET", target, {bearer()}).json();
            const QJsonArray results = page.value("results").toArray();
            return std::pair(page.value("count").toInt(),
                             results.isEmpty() ? QJsonObject() : results.last().toObject());
        };
        const int before = countAndLast("/api/users/").first;
        QVERIFY(before >= 46);
        const auto created = json("POST", "/api/users/", R"({"username":"cache-probe","email":"c@example.com"})");
        QCOMPARE(created.status, 201);
        const int id = created.json().value("id").toInt();
        const QByteArray lastPage = "/api/users/?page=" + QByteArray::number(before / 20 + 1);
        QCOMPARE(countAndLast("/api/users/").first, before + 1);
        QCOMPARE(countAndLast(lastPage).second.value("username").toString(), QString("cache-probe"));
        QCOMPARE(json("PATCH", "/api/users/" + QByteArray::number(id) + "/", R"({"first_name":"Ada"})").status, 200);
        QCOMPARE(countAndLast(lastPage).second.value("first_name").toString(), QString("Ada"));
        QCOMPARE(call("DELETE", "/api/users/" + QByteArray::number(id) + "/", {bearer()}).status, 204);
        QCOMPARE(countAndLast("/api/users/").first, before);
    }

    void listFollowsAnotherConnection()
    {
        QTemporaryDir dir;
        LocalOAuthServer::Options options;
        options.databasePath = dir.filePath("server.sqlite3");
        m_server = std::make_unique<LocalOAuthServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_token = tokenFor(LocalOAuthServer::passwordClientId(), LocalOAuthServer::passwordClientSecret(), "password",
                           "read write groups");
        const int before = call("GET", "/api/users/", {bearer()}).json().value("count").toInt();
        QVERIFY(before >= 46);
        {
            // What `tokenbench-server user add --db FILE` does while the server runs: its own connection.
            tb::server::Database db(options.databasePath);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            tb::server::UserStore users(db);
            tb::server::UserRecord user;
            user.username = "outsider";
            user.passwordHash = "!";
            QVERIFY(users.insert(user, 0) > 0);
        }
        QCOMPARE(call("GET", "/api/users/", {bearer()}).json().value("count").toInt(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestUsersEndpoint)
#include "TestUsersEndpoint.moc"
