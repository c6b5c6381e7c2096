#include "auth/OAuthProfile.h"
#include "support/CliRunner.h"
#include "support/MiniOAuthServer.h"
#include "workspace/WorkspaceStore.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using tb::OAuthProfile;
using tb::test::CliResult;
using tb::test::MiniOAuthServer;
using tb::test::runCli;

// The whole token workflow through the real tokenbench-cli, then the plaintext scan: no file the run wrote (HOME,
// the XDG folders, the workspace) holds any secret value it used.
// MiniOAuthServer, not the bundled server: the scan needs every token value that was issued, and the bundled
// server keeps only their digests. (TestTokenSendFlow runs the CLI against the real tokenbench-server.)
class TestTokenCliFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_workspace;
    QString m_vaultPassphrase = QStringLiteral("vault-passphrase-7c1e");

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        // Everything the CLI writes lands under this root.
        tb::test::useHomeUnder(m_root.path());
        qputenv("TOKENBENCH_VAULT_PASSPHRASE", m_vaultPassphrase.toUtf8());
        qputenv("TB_IT_PASSWORD", MiniOAuthServer::password);
        qputenv("TOKENBENCH_NO_BROWSER", "1");
        m_workspace = m_root.filePath(QStringLiteral("workspace"));
    }

    void wholeFlowThenPlaintextScan()
    {
        MiniOAuthServer server;
        OAuthProfile profile;
        profile.name = QStringLiteral("demo");
        profile.grantType = OAuthProfile::GrantType::Password;
        profile.issuer = QStringLiteral("{{base}}");
        profile.clientId = QLatin1String(MiniOAuthServer::clientId);
        profile.clientSecretRef = QStringLiteral("client_secret");
        profile.clientAuth = OAuthProfile::ClientAuth::Body;
        profile.username = QLatin1String(MiniOAuthServer::username);
        profile.passwordRef = QStringLiteral("env:TB_IT_PASSWORD");
        profile.scope = QStringLiteral("read write");
        tb::Workspace ws;
        ws.name = QStringLiteral("it");
        tb::Environment env;
        env.name = QStringLiteral("local");
        env.variables.append(tb::Variable{QStringLiteral("base"), server.issuer(), false, {}, true, {}});
        ws.environments.append(env);
        ws.defaultEnvironment = QStringLiteral("local");
        ws.authProfiles.append(tb::AuthProfileFile{QStringLiteral("demo"), QStringLiteral("demo"), profile.toJson()});
        const auto saved = tb::WorkspaceStore::save(m_workspace, ws);
        QVERIFY2(saved.ok(), qPrintable(saved.error));

        const QStringList where{QStringLiteral("--workspace"), m_workspace, QStringLiteral("--profile"),
                                QStringLiteral("demo"), QStringLiteral("--no-keychain")};
        CliResult r =
            runCli(QStringList{QStringLiteral("secrets"), QStringLiteral("status"), QStringLiteral("--no-keychain")});
        QVERIFY2(r.exitCode == 0 && r.out.contains("store: vault"), r.describe().constData());

        r = runCli(QStringList{QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("client_secret")} +
                       where,
                   MiniOAuthServer::clientSecret);
        QVERIFY2(r.exitCode == 0, r.describe().constData());

        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("get")} + where);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(r.out.contains("state:   valid"));
        QVERIFY(r.out.contains("scope:   read write"));
        QVERIFY2(QRegularExpression(QStringLiteral("expires: 3[56]\\d\\d s left"))
                     .match(QString::fromUtf8(r.out))
                     .hasMatch(),
                 r.out.constData());
        for (const QString& token : server.issuedSecrets())
            QVERIFY(!r.out.contains(token.toUtf8())); // no --reveal: no token

        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("show"), QStringLiteral("--reveal")} + where);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QByteArray token = r.out.trimmed();
        QVERIFY(server.isActive(QString::fromUtf8(token))); // stdout: the token alone
        QVERIFY(r.err.contains("state:   valid"));

        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("refresh")} + where);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(server.grantCounts.value(QStringLiteral("refresh_token")), 1);
        QCOMPARE(server.grantCounts.value(QStringLiteral("password")), 1);

        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("introspect")} + where);
        QVERIFY2(r.exitCode == 0 && r.out.contains("\"active\": true"), r.describe().constData());

        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("revoke")} + where);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(server.revocations, 2);
        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("show")} + where);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("no token held"));

        // Secret values never as plain arguments: the options do not exist.
        r = runCli(QStringList{QStringLiteral("token"), QStringLiteral("get"), QStringLiteral("--client-secret"),
                               QStringLiteral("x")} +
                   where);
        QCOMPARE(r.exitCode, 2);

        // The scan: every file under the root, for every secret value of the run.
        QList<QByteArray> secrets{MiniOAuthServer::clientSecret, MiniOAuthServer::password, m_vaultPassphrase.toUtf8()};
        for (const QString& issued : server.issuedSecrets())
            secrets << issued.toUtf8();
        QVERIFY(secrets.size() >= 7);
        int files = 0;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            ++files;
            for (const QByteArray& secret : secrets) {
                QVERIFY2(!content.contains(secret),
                         qPrintable(path + QStringLiteral(" holds ") + QString::fromUtf8(secret)));
                QVERIFY2(!content.contains(secret.toBase64()), qPrintable(path));
            }
        }
        QVERIFY(files >= 3); // workspace manifest, profile, vault at least
        QVERIFY(QFile::exists(m_root.filePath(QStringLiteral("home/.local/share/tokenbench/secrets.vault"))));
    }

    void wrongVaultPassphraseIsClear()
    {
        qputenv("TOKENBENCH_VAULT_PASSPHRASE", "not-the-passphrase");
        const CliResult r =
            runCli(QStringList{QStringLiteral("secrets"), QStringLiteral("status"), QStringLiteral("--no-keychain")});
        qputenv("TOKENBENCH_VAULT_PASSPHRASE", m_vaultPassphrase.toUtf8());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("passphrase is wrong"), r.describe().constData());
    }

    void noStoreAtAllSaysWhatToDo()
    {
        qunsetenv("TOKENBENCH_VAULT_PASSPHRASE");
        const CliResult r =
            runCli(QStringList{QStringLiteral("secrets"), QStringLiteral("status"), QStringLiteral("--no-keychain")});
        qputenv("TOKENBENCH_VAULT_PASSPHRASE", m_vaultPassphrase.toUtf8());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("TOKENBENCH_VAULT_PASSPHRASE") && r.err.contains("--ephemeral"),
                 r.describe().constData());
    }

    void inlineOptionsLikeTheSeedsCurl()
    {
        MiniOAuthServer server;
        qputenv("TB_IT_SECRET", MiniOAuthServer::clientSecret);
        const CliResult r = runCli({QStringLiteral("token"),
                                    QStringLiteral("get"),
                                    QStringLiteral("--ephemeral"),
                                    QStringLiteral("--reveal"),
                                    QStringLiteral("--token-url"),
                                    server.url(QStringLiteral("/o/token/")),
                                    QStringLiteral("--grant"),
                                    QStringLiteral("password"),
                                    QStringLiteral("--client-id"),
                                    QLatin1String(MiniOAuthServer::clientId),
                                    QStringLiteral("--client-secret-env"),
                                    QStringLiteral("TB_IT_SECRET"),
                                    QStringLiteral("--username"),
                                    QLatin1String(MiniOAuthServer::username),
                                    QStringLiteral("--password-env"),
                                    QStringLiteral("TB_IT_PASSWORD"),
                                    QStringLiteral("--auth-method"),
                                    QStringLiteral("post"),
                                    QStringLiteral("--scope"),
                                    QStringLiteral("read"),
                                    QStringLiteral("--param"),
                                    QStringLiteral("audience=api")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(server.isActive(QString::fromUtf8(r.out.trimmed())));
        const QByteArray body = server.tokenRequestBodies.last();
        QVERIFY(body.contains("grant_type=password&username=alice&password=alice-password-1"));
        QVERIFY(body.contains("&client_id=test-client&client_secret="));
        QVERIFY(body.contains("audience=api"));
    }
};

QTEST_GUILESS_MAIN(TestTokenCliFlow)
#include "TestTokenCliFlow.moc"
