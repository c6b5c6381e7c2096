#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include <QElapsedTimer>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;

// The HTTP/1.1 layer against raw sockets: keep-alive, pipelining, Connection: close, limits, malformed input.
class TestHttpConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalOAuthServer> m_server;

    // Sends raw bytes on a fresh connection and returns the (first) response.
    HttpTestClient::Response raw(const QByteArray& bytes, HttpTestClient* keep = nullptr)
    {
        HttpTestClient local(m_server->port());
        HttpTestClient& client = keep ? *keep : local;
        if (!client.connectToServer()) {
            return {};
        }
        client.sendRaw(bytes);
        return client.readResponse(5000);
    }

private slots:
    void init()
    {
        LocalOAuthServer::Options options;
        options.idleTimeoutMs = 300;
        m_server = std::make_unique<LocalOAuthServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void keepAliveAndPipelining()
    {
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        const QByteArray one = "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        client.sendRaw(one + one + "OPTIONS /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(client.readResponse().status, 404);
        QCOMPARE(client.readResponse().status, 404);
        const auto third = client.readResponse();
        QCOMPARE(third.status, 200);
        QCOMPARE(third.header("Connection"), QByteArray());
        QVERIFY(client.isConnected());
        QCOMPARE(client.request("GET", "/nope").status, 404);
    }

    void connectionCloseHonoured()
    {
        HttpTestClient client(m_server->port());
        const auto r = client.request("GET", "/nope", {"Connection: close"});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClose());
    }

    void http10ClosesByDefault()
    {
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.sendRaw("GET /nope HTTP/1.0\r\n\r\n");
        QCOMPARE(client.readResponse().status, 404);
        QVERIFY(client.waitForClose());
    }

    void idleTimeout()
    {
        HttpTestClient client(m_server->port());
        QCOMPARE(client.request("GET", "/nope").status, 404);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(client.waitForClose(5000));
        QVERIFY(timer.elapsed() >= 200);
    }

    void slowHeadersTimeOut()
    {
        // A request that never completes is dropped after the idle timeout, not kept forever.
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.sendRaw("GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        QVERIFY(client.waitForClose(5000));
    }

    void slowBodyTimesOut()
    {
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.sendRaw("POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc");
        QVERIFY(client.waitForClose(5000));
    }

    void oversizedBody()
    {
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.sendRaw("POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048577\r\n\r\n");
        const auto r = client.readResponse();
        QCOMPARE(r.status, 413);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(r.json().value("detail").toString().contains("1048576"));
        QVERIFY(client.waitForClose());
        // Exactly 1 MiB is fine.
        HttpTestClient second(m_server->port());
        const auto ok = second.request("POST", "/o/token/", {"Content-Type: application/x-www-form-urlencoded"},
                                       QByteArray(1024 * 1024, 'a'));
        QCOMPARE(ok.status, 400);
    }

    void chunkedOversized()
    {
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.sendRaw("POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n");
        QCOMPARE(client.readResponse().status, 413);
    }

    void chunkedBody()
    {
        const QByteArray body = "grant_type=client_credentials&client_id=" + LocalOAuthServer::ccClientId().toUtf8() +
                                "&client_secret=" + LocalOAuthServer::ccClientSecret().toUtf8();
        const QByteArray chunked = QByteArray::number(10, 16) + "\r\n" + body.left(10) + "\r\n" +
                                   QByteArray::number(body.size() - 10, 16) + "\r\n" + body.mid(10) + "\r\n0\r\n\r\n";
        const auto r = raw("POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                           "Content-Type: application/x-www-form-urlencoded\r\n\r\n" +
                           chunked);
        QCOMPARE(r.status, 200);
    }

    void expectContinue()
    {
        HttpTestClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.sendRaw(
            "POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        // The interim 100 comes first (readResponse skips it once the final answer arrives).
        client.sendRaw("a=b&c");
        QCOMPARE(client.readResponse().status, 400);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("\x01\x02\x03 garbage\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("relative target") << QByteArray("GET nope HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n continued\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: x\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n")
                                         << 400;
        QTest::newRow("two lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                                                          "Transfer-Encoding: chunked\r\n\r\n")
                                            << 400;
        QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")
                                     << 501;
        QTest::newRow("bad chunk") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                 "zz\r\n")
                                   << 400;
        QTest::newRow("control char") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: a\x01z\r\n\r\n") << 400;
        QTest::newRow("huge header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(40000, 'a') +
                                                   "\r\n\r\n")
                                     << 431;
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        HttpTestClient client(m_server->port());
        const auto r = raw(request, &client);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClose());
        // The server is still fine.
        QCOMPARE(HttpTestClient::fetch(m_server->port(), "GET", "/nope").status, 404);
    }

    void invalidUtf8Everywhere()
    {
        const QByteArray bad = "\xff\xfe\xc3\x28";
        QCOMPARE(HttpTestClient::fetch(m_server->port(), "GET", "/api/users/?username=%FF%FE",
                                       {"Authorization: Bearer " + bad})
                     .status,
                 401);
        QCOMPARE(HttpTestClient::fetch(m_server->port(), "POST", "/o/token/",
                                       {"Content-Type: application/x-www-form-urlencoded"},
                                       "grant_type=%FF&client_id=" + bad)
                     .status,
                 400);
    }

    void truncatedRequestThenClose()
    {
        {
            HttpTestClient client(m_server->port());
            QVERIFY(client.connectToServer());
            client.sendRaw("POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc");
        } // client gone mid-body
        QCOMPARE(HttpTestClient::fetch(m_server->port(), "GET", "/nope").status, 404);
    }

    void notFoundIsDjangosHtml()
    {
        const auto r = HttpTestClient::fetch(m_server->port(), "GET", "/nope");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html"));
        QVERIFY(r.body.startsWith("\n<!doctype html>"));
        QCOMPARE(HttpTestClient::fetch(m_server->port(), "GET", "/api/users/abc/").status, 404);
    }

    void disallowedHost()
    {
        const auto r = raw("GET /api/users/ HTTP/1.1\r\nHost: evil.example\r\n\r\n");
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("Bad Request (400)"));
        QCOMPARE(raw("GET /api/users/ HTTP/1.1\r\nHost: localhost:8000\r\n\r\n").status, 401);
    }

    void stopClosesConnections()
    {
        HttpTestClient client(m_server->port());
        QCOMPARE(client.request("GET", "/nope").status, 404);
        m_server->stop();
        QVERIFY(client.waitForClose());
    }
};

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "TestHttpConnection.moc"
