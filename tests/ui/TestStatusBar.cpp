#include "MainWindow.h"
#include "server/LocalServerController.h"
#include "support/TestPaths.h"
#include "workspace/DemoWorkspace.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tb::ui::MainWindow;

// The status bar: the active environment, the secret store really in use (the keychain inside the keyring session
// of scripts/dev check, else the encrypted vault), and the local server's state and address.
class TestStatusBar : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        // The vault and the workspace copy live under this HOME only.
        qputenv("HOME", m_home.path().toLocal8Bit());
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TOKENBENCH_VAULT_PASSPHRASE", "status-bar-test-passphrase");
    }

    void showsEnvironmentSecretsAndServer()
    {
        const QString workspace = m_home.filePath(u"workspace"_qs);
        QString error;
        QVERIFY2(tb::DemoWorkspace::copy(tb::test::sourceDir() + u"/resources/demo/workspace"_qs, workspace, &error),
                 qPrintable(error));
        MainWindow::Options options;
        options.workspaceDir = workspace;
        options.settingsPath = m_home.filePath(u"settings.ini"_qs);
        options.localServerIterations = 1000;
        MainWindow window(options);
        window.show();

        auto* environment = window.findChild<QLabel*>(u"environmentStatusLabel"_qs);
        QTRY_COMPARE(environment->text(), u"Environment: local"_qs);
        QCOMPARE(environment->accessibleName(), u"Active environment"_qs);

        auto* secrets = window.findChild<QLabel*>(u"secretStoreStatusLabel"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(!secrets->text().contains(u"choosing"), 30000);
        const auto expected = qEnvironmentVariableIsSet("TOKENBENCH_KEYRING") ? tb::SecretStore::Kind::Keychain
                                                                              : tb::SecretStore::Kind::Vault;
        QCOMPARE(window.secretStore()->kind(), expected);
        QCOMPARE(secrets->text(), u"Secrets: "_qs + window.secretStore()->description());
        // The store works: a secret written through it reads back.
        bool readBack = false;
        window.secretStore()->write(u"status-bar-test"_qs, "value", &window, [&](const tb::SecretResult& written) {
            QVERIFY(written.ok());
            window.secretStore()->read(u"status-bar-test"_qs, &window, [&](const tb::SecretResult& read) {
                readBack = read.ok() && read.value == "value";
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(readBack, 15000);

        auto* server = window.findChild<QLabel*>(u"serverStatusLabel"_qs);
        QCOMPARE(server->text(), u"Local server: stopped"_qs);
        window.findChild<QAction*>(u"localServerAction"_qs)->trigger();
        window.findChild<QSpinBox*>(u"serverPortSpinBox"_qs)->setValue(0);
        QTest::mouseClick(window.findChild<QPushButton*>(u"startServerPushButton"_qs), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(server->text().startsWith(u"Local server: http://127.0.0.1:"), 20000);
        QCOMPARE(server->text(), u"Local server: "_qs + window.localServer()->baseUrl().toString());
    }
};

QTEST_MAIN(TestStatusBar)
#include "TestStatusBar.moc"
