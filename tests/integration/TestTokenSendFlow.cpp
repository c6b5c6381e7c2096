#include "support/CliRunner.h"
#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"
#include "support/ServerProcess.h"
#include "support/TestHttpServer.h"
#include "support/TestPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using tb::test::CliResult;
using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;
using tb::test::runCli;
using tb::test::ServerProcess;

// The "done when", with the real binaries: tokenbench-server --demo on port 0 in a child process, and
// tokenbench-cli `token get` then `send --profile` (200 from /api/users/), `send` without a profile (401). Secrets
// come from environment variables; tokens go to the store the CLI selects: the keychain of the test's private
// D-Bus session under ./scripts/dev check, else the encrypted vault (TOKENBENCH_VAULT_PASSPHRASE) under a throwaway
// HOME. Requests are counted in the server's own request log.
class TestTokenSendFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    ServerProcess m_server;
    int m_profiles = 0;
    int m_markers = 0;

    // A fresh inline password profile each time (the keychain outlives one test function).
    QStringList newProfile()
    {
        const QString name = QStringLiteral("it-send-%1-%2").arg(m_server.port()).arg(++m_profiles);
        return {QStringLiteral("--profile"),
                name,
                QStringLiteral("--token-url"),
                m_server.url(QStringLiteral("/o/token/")),
                QStringLiteral("--grant"),
                QStringLiteral("password"),
                QStringLiteral("--client-id"),
                LocalOAuthServer::passwordClientId(),
                QStringLiteral("--client-secret-env"),
                QStringLiteral("TB_IT_CLIENT_SECRET"),
                QStringLiteral("--username"),
                LocalOAuthServer::demoUsername(),
                QStringLiteral("--password-env"),
                QStringLiteral("TB_IT_PASSWORD"),
                QStringLiteral("--scope"),
                QStringLiteral("read write")};
    }

    // Token requests the server logged. The log line may come after the answer (and after the CLI exited): a marker
    // request is sent and waited for first, so that every earlier line is in.
    int tokenRequests()
    {
        const QString marker = QStringLiteral("/settle-%1").arg(++m_markers);
        if (HttpTestClient::fetch(m_server.port(), "GET", marker.toUtf8()).status != 404)
            return -1;
        if (!QTest::qWaitFor([&] { return m_server.output().contains(QStringLiteral("GET ") + marker + u' '); }))
            return -1;
        return m_server.requestCount(QStringLiteral("POST /o/token/"));
    }

    QString accessToken(const QStringList& profile)
    {
        const CliResult r =
            runCli(QStringList{QStringLiteral("token"), QStringLiteral("show"), QStringLiteral("--reveal")} + profile);
        return r.exitCode == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
    }

    // The demo workspace, with base_url pointing at this server.
    QString demoWorkspace()
    {
        const QString source = tb::test::sourceDir() + QStringLiteral("/resources/demo/workspace");
        const QString target = m_root.filePath(QStringLiteral("demo-workspace"));
        QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString copy = target + path.mid(source.size());
            QDir().mkpath(QFileInfo(copy).path());
            if (!QFile::copy(path, copy))
                return {};
        }
        QFile env(target + QStringLiteral("/environments/local.json"));
        if (!env.open(QIODevice::ReadOnly))
            return {};
        QByteArray json = env.readAll();
        env.close();
        json.replace("http://127.0.0.1:8000", m_server.url({}).toUtf8());
        if (!env.open(QIODevice::WriteOnly | QIODevice::Truncate) || env.write(json) != json.size())
            return {};
        return target;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        tb::test::useHomeUnder(m_root.path());
        qputenv("TOKENBENCH_VAULT_PASSPHRASE", "it-send-vault-passphrase");
        qputenv("TB_IT_CLIENT_SECRET", LocalOAuthServer::passwordClientSecret().toUtf8());
        qputenv("TB_IT_PASSWORD", LocalOAuthServer::demoPassword().toUtf8());
        QVERIFY2(m_server.startDemo(), qPrintable(m_server.errorString()));
        const CliResult status = runCli({QStringLiteral("secrets"), QStringLiteral("status")});
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        qInfo("%s", status.out.trimmed().replace('\n', "; ").constData());
    }

    void tokenGetThenSendWithProfileGets200()
    {
        const QStringList profile = newProfile();
        const int before = tokenRequests();
        CliResult r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("get")} + profile);
        QVERIFY2(r.exitCode == 0 && r.out.contains("state:   valid"), r.describe().constData());
        QCOMPARE(tokenRequests(), before + 1);

        r = runCli(QStringList{QStringLiteral("send"), QStringLiteral("--fail")} + profile +
                   QStringList{m_server.url(QStringLiteral("/api/users/"))});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject page = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(page.value(u"count").toInt() >= 46, r.out.constData()); // alice and user01..user45
        QCOMPARE(tokenRequests(), before + 1);                           // the stored token was used, none fetched
        QVERIFY(m_server.output().contains(QStringLiteral("GET /api/users/ 200")));

        // The same send without a profile: no Authorization, 401.
        r = runCli({QStringLiteral("send"), QStringLiteral("--fail"), m_server.url(QStringLiteral("/api/users/"))});
        QVERIFY2(r.exitCode == 22 && r.err.contains("401"), r.describe().constData());
        r = runCli({QStringLiteral("send"), QStringLiteral("-i"), m_server.url(QStringLiteral("/api/users/"))});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("HTTP/1.1 401"), r.describe().constData());
    }

    void sendFetchesATokenWhenNoneIsHeld()
    {
        const QStringList profile = newProfile();
        const int before = tokenRequests();
        const CliResult r = runCli(QStringList{QStringLiteral("send"), QStringLiteral("--fail")} + profile +
                                   QStringList{m_server.url(QStringLiteral("/api/users/?page=2"))});
        QVERIFY2(r.exitCode == 0 && r.out.contains("\"results\""), r.describe().constData());
        QCOMPARE(tokenRequests(), before + 1);
        QVERIFY(!accessToken(profile).isEmpty()); // and kept for the next run
    }

    void unauthorizedRefreshesOnceAndRetries()
    {
        const QStringList profile = newProfile();
        QCOMPARE(runCli(QStringList{QStringLiteral("token"), QStringLiteral("get")} + profile).exitCode, 0);
        const QString token = accessToken(profile);
        QVERIFY(!token.isEmpty());
        // The server forgets the token (the client keeps its copy): the next use gets 401. Revoking the access
        // token also ends its refresh token here (the refresh answers invalid_grant), so the password grant, which
        // needs no person, runs again once by itself.
        const auto revoked = HttpTestClient::fetch(
            m_server.port(), "POST", "/o/revoke_token/",
            {"Content-Type: application/x-www-form-urlencoded", LocalOAuthServer::passwordClientAuth()},
            HttpTestClient::formEncode({{QStringLiteral("token"), token}}));
        QCOMPARE(revoked.status, 200);

        const int before = tokenRequests();
        const qsizetype logStart = m_server.output().size();
        const CliResult r = runCli(QStringList{QStringLiteral("send"), QStringLiteral("--fail"), QStringLiteral("-v")} +
                                   profile + QStringList{m_server.url(QStringLiteral("/api/users/"))});
        QVERIFY2(r.exitCode == 0 && r.out.contains("\"results\""), r.describe().constData());
        QVERIFY2(r.err.contains("refreshed the token and sent again"), r.err.constData());
        QVERIFY(!r.err.contains(token.toUtf8())); // -v masks the Authorization header
        QCOMPARE(tokenRequests(), before + 2);
        const QString log = m_server.output().mid(logStart);
        static const QRegularExpression sequence(QStringLiteral("GET /api/users/ 401 .*\n"
                                                                "POST /o/token/ 400 .*\n" // refresh: invalid_grant
                                                                "POST /o/token/ 200 .*\n" // the grant, once
                                                                "GET /api/users/ 200 .*\n"));
        QVERIFY2(sequence.match(log).hasMatch(), qPrintable(log));
        const QString renewed = accessToken(profile);
        QVERIFY(!renewed.isEmpty() && renewed != token);
    }

    void secondUnauthorizedIsTheAnswer()
    {
        const QStringList profile = newProfile();
        tb::test::TestHttpServer api; // answers 401 whatever the token
        QVERIFY(api.isListening());
        const int before = tokenRequests();
        const CliResult r = runCli(QStringList{QStringLiteral("send"), QStringLiteral("--fail")} + profile +
                                   QStringList{api.urlString(QStringLiteral("/status/401"))});
        QVERIFY2(r.exitCode == 22 && r.err.contains("401"), r.describe().constData());
        QCOMPARE(api.requests().size(), 2); // the request, and one retry after one refresh
        QByteArray first;
        QByteArray second;
        for (const auto& [name, value] : api.requests().at(0).headers)
            if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                first = value;
        for (const auto& [name, value] : api.requests().at(1).headers)
            if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                second = value;
        QVERIFY(first.startsWith("Bearer ") && second.startsWith("Bearer "));
        QVERIFY(first != second);
        QCOMPARE(tokenRequests(), before + 2); // the grant, then one refresh
    }

    void savedRequestWithOAuthProfileUsesTheTokenManager()
    {
        const QString workspace = demoWorkspace();
        QVERIFY(!workspace.isEmpty());
        const QStringList where{QStringLiteral("--workspace"), workspace, QStringLiteral("--profile"),
                                QStringLiteral("demo-password")};
        CliResult r = runCli(
            QStringList{QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("client_secret")} + where,
            LocalOAuthServer::passwordClientSecret().toUtf8());
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        r = runCli(QStringList{QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("password")} + where,
                   LocalOAuthServer::demoPassword().toUtf8());
        QVERIFY2(r.exitCode == 0, r.describe().constData());

        // The collection's auth is oauth2 with profile demo-password: no --var, no --profile needed.
        const int before = tokenRequests();
        r = runCli({QStringLiteral("send"), QStringLiteral("--fail"), QStringLiteral("--workspace"), workspace,
                    QStringLiteral("users-api/search-by-email")});
        QVERIFY2(r.exitCode == 0 && r.out.contains("\"results\""), r.describe().constData());
        QCOMPARE(tokenRequests(), before + 1);
        r = runCli({QStringLiteral("send"), QStringLiteral("--fail"), QStringLiteral("--workspace"), workspace,
                    QStringLiteral("users-api/page-2")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(tokenRequests(), before + 1); // the token of the first send, from the store

        // The request that opts out of auth still gets its 401.
        r = runCli({QStringLiteral("send"), QStringLiteral("--fail"), QStringLiteral("--workspace"), workspace,
                    QStringLiteral("users-api/without-a-token-401")});
        QVERIFY2(r.exitCode == 22, r.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestTokenSendFlow)
#include "TestTokenSendFlow.moc"
