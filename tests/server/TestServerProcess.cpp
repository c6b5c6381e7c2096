#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"
#include "support/TestPaths.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;

// The real tokenbench-server binary: startup line, request log, persistence across restarts and kill -9,
// admin commands, TLS.
class TestServerProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_output;

    static QString binary() { return tb::test::binaryDir() + QStringLiteral("/server/tokenbench-server"); }
    QString db() const { return m_dir.filePath(QStringLiteral("server.sqlite3")); }

    // Starts the server and returns its port (0 on failure); the output so far is in m_output.
    quint16 start(QProcess& process, const QStringList& extra = {})
    {
        m_output.clear();
        process.setProgram(binary());
        process.setArguments(QStringList{"--port", "0", "--db", db(), "--password-iterations", "1000"} + extra);
        process.start();
        static const QRegularExpression listening(QStringLiteral("Listening on (https?)://127\\.0\\.0\\.1:(\\d+)\\n"));
        QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
        for (int i = 0; i < 100; ++i) {
            m_output += QString::fromUtf8(process.readAllStandardOutput());
            const auto match = listening.match(m_output);
            if (match.hasMatch()) {
                return quint16(match.captured(2).toUInt());
            }
            if (process.state() == QProcess::NotRunning) {
                break;
            }
            output.wait(100);
        }
        qWarning("server output: %s %s", qPrintable(m_output), process.readAllStandardError().constData());
        return 0;
    }
    static void stopHard(QProcess& process)
    {
        process.kill(); // SIGKILL: no chance to flush anything
        QVERIFY(process.waitForFinished(5000));
    }
    QByteArray passwordGrant(quint16 port)
    {
        HttpTestClient client(port);
        return client
            .postForm(
                "/o/token/",
                {{"grant_type", "password"}, {"username", "alice"}, {"password", LocalOAuthServer::demoPassword()}},
                {LocalOAuthServer::passwordClientAuth()})
            .json()
            .value("access_token")
            .toString()
            .toUtf8();
    }
    int runAdmin(const QStringList& arguments, const QByteArray& input, QByteArray* output)
    {
        QProcess process;
        process.start(binary(), QStringList{"--db", db(), "--password-iterations", "1000"} + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(15000)) {
            return -1;
        }
        *output = process.readAllStandardOutput() + process.readAllStandardError();
        return process.exitCode();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void persistenceAcrossKillAndRestart()
    {
        QProcess first;
        const quint16 port = start(first, {"--demo"});
        QVERIFY(port != 0);
        QVERIFY(m_output.contains("alice / alice-password-1"));
        const QByteArray token = passwordGrant(port);
        QCOMPARE(token.size(), 30);
        const auto created = HttpTestClient::fetch(port, "POST", "/api/users/",
                                                   {"Authorization: Bearer " + token, "Content-Type: application/json"},
                                                   R"({"username":"persisted","password":"pw-persisted-1"})");
        QCOMPARE(created.status, 201);
        // The request log: method, path, status, milliseconds; never a secret.
        QSignalSpy more(&first, &QProcess::readyReadStandardOutput);
        for (int i = 0; i < 20 && !m_output.contains("POST /api/users/ 201"); ++i) {
            more.wait(100);
            m_output += QString::fromUtf8(first.readAllStandardOutput());
        }
        QVERIFY2(QRegularExpression("POST /o/token/ 200 [0-9.]+ ms").match(m_output).hasMatch(), qPrintable(m_output));
        QVERIFY(m_output.contains("POST /api/users/ 201"));
        QVERIFY(!m_output.contains(QString::fromUtf8(token)));
        QVERIFY(!m_output.contains("pw-persisted-1"));
        stopHard(first);

        // After kill -9, everything committed is there: the token, the new user and its password.
        QProcess second;
        const quint16 port2 = start(second);
        QVERIFY(port2 != 0);
        const auto detail =
            HttpTestClient::fetch(port2, "GET", "/api/users/?username=persisted", {"Authorization: Bearer " + token});
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value("count").toInt(), 1);
        HttpTestClient client(port2);
        QCOMPARE(client
                     .postForm("/o/token/",
                               {{"grant_type", "password"}, {"username", "persisted"}, {"password", "pw-persisted-1"}},
                               {LocalOAuthServer::passwordClientAuth()})
                     .status,
                 200);
        second.terminate();
        QVERIFY(second.waitForFinished(5000));

        // A normal restart (with --demo again: seeding is idempotent).
        QProcess third;
        const quint16 port3 = start(third, {"--demo"});
        QVERIFY(port3 != 0);
        QCOMPARE(HttpTestClient::fetch(port3, "GET", "/api/users/1/", {"Authorization: Bearer " + token}).status, 200);
        QCOMPARE(HttpTestClient::fetch(port3, "GET", "/api/users/", {"Authorization: Bearer " + token})
                     .json()
                     .value("count")
                     .toInt(),
                 47);
        stopHard(third);
    }

    void adminCommands()
    {
        QByteArray out;
        QCOMPARE(runAdmin({"user", "add", "carol", "--email", "carol@example.com"}, "carol-password-1\n", &out), 0);
        QVERIFY(out.contains("added user carol"));
        QVERIFY(!out.contains("carol-password-1"));
        QCOMPARE(runAdmin({"user", "list"}, {}, &out), 0);
        QVERIFY(out.contains("carol\tcarol@example.com"));
        QVERIFY(runAdmin({"user", "add", "carol"}, "x\n", &out) != 0);
        QCOMPARE(runAdmin({"client", "add", "my-cli", "--grant", "client-credentials"}, {}, &out), 0);
        const auto secret =
            QRegularExpression("client secret \\(shown only now\\): (\\S+)").match(QString::fromUtf8(out));
        QVERIFY2(secret.hasMatch(), out.constData());
        QCOMPARE(runAdmin({"client", "list"}, {}, &out), 0);
        QVERIFY(out.contains("my-cli\tconfidential\tclient_credentials"));
        QVERIFY(!out.contains(secret.captured(1).toUtf8()));
        QVERIFY(runAdmin({"client", "add", "bad", "--grant", "implicit"}, {}, &out) != 0);

        QProcess server;
        const quint16 port = start(server);
        QVERIFY(port != 0);
        HttpTestClient client(port);
        QCOMPARE(client
                     .postForm("/o/token/", {{"grant_type", "client_credentials"}},
                               {HttpTestClient::basicAuth("my-cli", secret.captured(1))})
                     .status,
                 200);
        HttpTestClient second(port);
        QCOMPARE(second
                     .postForm("/o/token/",
                               {{"grant_type", "password"}, {"username", "carol"}, {"password", "carol-password-1"}},
                               {LocalOAuthServer::passwordClientAuth()})
                     .status,
                 200);
        stopHard(server);
        QCOMPARE(runAdmin({"client", "remove", "my-cli"}, {}, &out), 0);
        QCOMPARE(runAdmin({"user", "remove", "carol"}, {}, &out), 0);
        QCOMPARE(runAdmin({"user", "list"}, {}, &out), 0);
        QVERIFY(!out.contains("carol"));
    }

    void selfSignedTls()
    {
        QProcess server;
        const quint16 port = start(server, {"--tls-self-signed", "--db", ":memory:"});
        QVERIFY(port != 0);
        QVERIFY(m_output.contains("Listening on https://127.0.0.1:"));
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted("127.0.0.1", port);
        QVERIFY(encrypted.wait(5000));
        socket.write("GET /api/users/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QSignalSpy closed(&socket, &QSslSocket::disconnected);
        QVERIFY(closed.wait(5000));
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 401 Unauthorized\r\n"));
        stopHard(server);
    }

    void badArguments()
    {
        QProcess process;
        process.start(binary(), {"--port", "nope"});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "TestServerProcess.moc"
