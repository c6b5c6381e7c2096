#include "MainWindow.h"
#include "RequestTab.h"
#include "auth/TokenDock.h"
#include "auth/TokenManager.h"
#include "request/RequestEditor.h"
#include "request/VariableLineEdit.h"
#include "server/LocalServerController.h"
#include "support/LocalOAuthServer.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tb::ui::LocalServerController;
using tb::ui::MainWindow;

// Tools -> Local OAuth server on the real window: the server runs in-process on its own thread, on the port and
// with the TLS setting chosen in the panel; its request log shows paths and statuses, never secrets.
class TestLocalServerPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> makeWindow()
    {
        // An empty workspace of our own: no first run, so nothing starts by itself.
        const QString workspace = m_dir.filePath(u"workspace"_qs);
        QDir().mkpath(workspace);
        QFile file(workspace + u"/tokenbench.json"_qs);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write a workspace");
        file.write(R"({"formatVersion": 2, "id": "panel-test", "name": "Panel test"})");
        file.close();
        MainWindow::Options options;
        options.workspaceDir = workspace;
        options.settingsPath = m_dir.filePath(u"settings.ini"_qs);
        options.memorySecrets = true;
        options.localServerIterations = 1000;
        auto window = std::make_unique<MainWindow>(options);
        window->show();
        return window;
    }
    template <typename T> T* child(MainWindow* window, const char* name)
    {
        return window->findChild<T*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(m_dir.filePath(u"settings.ini"_qs)); }

    void startsLogsAndStops()
    {
        auto window = makeWindow();
        QCOMPARE(window->localServer()->state(), LocalServerController::State::Stopped);
        QCOMPARE(child<QLabel>(window.get(), "serverStatusLabel")->text(), u"Local server: stopped"_qs);
        auto* dock = child<QDockWidget>(window.get(), "localServerDockWidget");
        QVERIFY(!dock->isVisible());
        child<QAction>(window.get(), "localServerAction")->trigger();
        QVERIFY(dock->isVisible());

        child<QSpinBox>(window.get(), "serverPortSpinBox")->setValue(0); // any free port
        QTest::mouseClick(child<QPushButton>(window.get(), "startServerPushButton"), Qt::LeftButton);
        auto* state = child<QLabel>(window.get(), "serverStateLabel");
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(u"Running at http://127.0.0.1:"), 20000);
        const QUrl base = window->localServer()->baseUrl();
        QVERIFY(base.port() > 0);
        QVERIFY(child<QLabel>(window.get(), "serverStatusLabel")->text().contains(base.toString()));
        QVERIFY(!child<QPushButton>(window.get(), "startServerPushButton")->isEnabled());
        QVERIFY(!child<QSpinBox>(window.get(), "serverPortSpinBox")->isEnabled());

        // A request from the app: the log shows it, with the status.
        auto* url = window->currentTab()->editor()->urlLineEdit();
        url->setText(base.toString() + u"/api/users/?access_token=not-logged"_qs);
        window->sendCurrent();
        auto* log = child<QPlainTextEdit>(window.get(), "serverLogPlainTextEdit");
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(u"GET /api/users/  401"), 15000);
        QVERIFY(!log->toPlainText().contains(u"not-logged"));

        // Copy buttons: public values as text, secrets marked for clipboard managers.
        QTest::mouseClick(child<QPushButton>(window.get(), "copyCredentialPushButton0"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), tb::test::LocalOAuthServer::demoUsername());
        QTest::mouseClick(child<QPushButton>(window.get(), "copyCredentialPushButton1"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), tb::test::LocalOAuthServer::demoPassword());
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(u"x-kde-passwordManagerHint"_qs), QByteArray("secret"));
        QVERIFY(!child<QLabel>(window.get(), "credentialLabel1")->text().contains(u"alice-password"));

        QTest::mouseClick(child<QPushButton>(window.get(), "stopServerPushButton"), Qt::LeftButton);
        QTRY_COMPARE(state->text(), u"Stopped"_qs);
        QCOMPARE(child<QLabel>(window.get(), "serverStatusLabel")->text(), u"Local server: stopped"_qs);
        // Nobody listens any more.
        window->sendCurrent();
        auto* status = window->currentTab()->findChild<QLabel*>(u"responseErrorLabel"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(status->isVisible() && !status->text().isEmpty(), 15000);
    }

    void servesTls()
    {
        auto window = makeWindow();
        child<QAction>(window.get(), "localServerAction")->trigger();
        child<QSpinBox>(window.get(), "serverPortSpinBox")->setValue(0);
        child<QCheckBox>(window.get(), "serverTlsCheckBox")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(window.get(), "startServerPushButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(window.get(), "serverStateLabel")->text().startsWith(u"Running at https://"), 20000);
        QCOMPARE(window->localServer()->baseUrl().scheme(), u"https"_qs);
        // The app trusts its own server's throwaway certificate: a request over HTTPS gets the server's answer.
        window->currentTab()->editor()->urlLineEdit()->setText(window->localServer()->baseUrl().toString() +
                                                               u"/api/users/"_qs);
        window->sendCurrent();
        auto* status = window->currentTab()->findChild<QLabel*>(u"statusLabel"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"401"), 15000);
    }

    // "Open demo workspace" opens the demo and points its {{base_url}} at the running server: the demo profile
    // gets a token from it.
    void opensTheDemoWorkspace()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        auto window = makeWindow();
        child<QAction>(window.get(), "localServerAction")->trigger();
        child<QSpinBox>(window.get(), "serverPortSpinBox")->setValue(0);
        QTest::mouseClick(child<QPushButton>(window.get(), "openDemoWorkspacePushButton"), Qt::LeftButton);
        QTRY_VERIFY(window->windowTitle().startsWith(u"Tokenbench demo"));
        QTRY_COMPARE_WITH_TIMEOUT(window->localServer()->state(), LocalServerController::State::Running, 20000);
        auto* profiles = child<QListWidget>(window.get(), "profileListWidget");
        QTRY_COMPARE(profiles->count(), 3);
        QTRY_COMPARE(window->variables().rawValue(u"base_url"_qs).value_or(QString()),
                     window->localServer()->baseUrl().toString(QUrl::StripTrailingSlash));
        window->tokenDock()->selectProfile(u"demo-password"_qs);
        QTest::mouseClick(child<QPushButton>(window.get(), "getTokenPushButton"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(window->tokenManager()->state(u"demo-password"_qs) == tb::TokenManager::State::Valid,
                                  qPrintable(window->tokenManager()->lastError(u"demo-password"_qs)), 15000);
        auto* log = child<QPlainTextEdit>(window.get(), "serverLogPlainTextEdit");
        QTRY_VERIFY(log->toPlainText().contains(u"POST /o/token/  200"));
        const QString token = window->tokenManager()->tokens(u"demo-password"_qs).accessToken;
        QVERIFY(!log->toPlainText().contains(token));
    }
};

QTEST_MAIN(TestLocalServerPanel)
#include "TestLocalServerPanel.moc"
