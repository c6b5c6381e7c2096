#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;

// Many clients at once: 64 token requests (password grants hash on the pool while others are served) and
// 64 API calls, each on its own connection, all in flight together; every answer must be right.
class TestServerConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void parallelTokenRequestsAndApiCalls()
    {
        LocalOAuthServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QByteArray passwordAuth = LocalOAuthServer::passwordClientAuth();
        const QByteArray ccAuth = LocalOAuthServer::ccClientAuth();

        const auto formRequest = [&server](const QByteArray& auth, const QByteArray& body) {
            return "POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(server.port()) + "\r\n" + auth +
                   "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                   QByteArray::number(body.size()) + "\r\n\r\n" + body;
        };

        constexpr int count = 64;
        std::vector<std::unique_ptr<HttpTestClient>> clients;
        for (int i = 0; i < count; ++i) {
            clients.push_back(std::make_unique<HttpTestClient>(server.port()));
            QVERIFY(clients.back()->connectToServer());
        }
        // Even: password grant for userNN (a wrong password every 8th); odd: client credentials.
        for (int i = 0; i < count; ++i) {
            const QByteArray user = QStringLiteral("user%1").arg(i % 45 + 1, 2, 10, QChar('0')).toUtf8();
            const QByteArray password = i % 8 == 0 ? "wrong" : "user-password-1";
            clients[size_t(i)]->sendRaw(
                i % 2 == 0 ? formRequest(passwordAuth, "grant_type=password&username=" + user + "&password=" + password)
                           : formRequest(ccAuth, "grant_type=client_credentials"));
        }
        QSet<QString> tokens;
        QList<QByteArray> userTokens;
        for (int i = 0; i < count; ++i) {
            const auto r = clients[size_t(i)]->readResponse(30000);
            if (i % 8 == 0) {
                QCOMPARE(r.status, 400);
                QCOMPARE(r.json().value("error").toString(), QString("invalid_grant"));
                continue;
            }
            QCOMPARE(r.status, 200);
            const QString token = r.json().value("access_token").toString();
            QVERIFY(!tokens.contains(token));
            tokens.insert(token);
            QCOMPARE(r.json().contains("refresh_token"), i % 2 == 0);
            if (i % 2 == 0) {
                userTokens.append(token.toUtf8());
            }
        }

        // 64 API calls in flight at once, on the same connections (keep-alive).
        for (int i = 0; i < count; ++i) {
            const QByteArray token = userTokens[i % userTokens.size()];
            clients[size_t(i)]->sendRaw("GET /api/users/?page=" + QByteArray::number(i % 3 + 1) +
                                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        }
        for (int i = 0; i < count; ++i) {
            const auto r = clients[size_t(i)]->readResponse(30000);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value("count").toInt(), 46);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "TestServerConcurrency.moc"
