#include "MainWindow.h"
#include "auth/TokenDock.h"
#include "auth/TokenManager.h"
#include "support/FileScan.h"
#include "support/TestPaths.h"
#include "workspace/DemoWorkspace.h"

#include <QCheckBox>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tb::ui::MainWindow;

// The token dock's auto-refresh switch on the real MainWindow survives a restart, per profile, and stays out of the
// workspace's files.
class TestAutoRefreshMemory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window =
            std::make_unique<MainWindow>(MainWindow::Options{m_workspace, m_dir.filePath(u"settings.ini"_qs), true});
        window->show();
        auto* list = window->findChild<QListWidget*>(u"profileListWidget"_qs);
        [&] { QTRY_COMPARE(list->count(), 3); }(); // the demo's profiles, once the workspace is loaded
        return window;
    }
    QCheckBox* autoRefresh(MainWindow* window, const QString& profile)
    {
        window->tokenDock()->selectProfile(profile);
        return window->findChild<QCheckBox*>(u"autoRefreshCheckBox"_qs);
    }

    QTemporaryDir m_dir;
    QString m_workspace;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_workspace = m_dir.filePath(u"workspace"_qs);
        QString error;
        QVERIFY2(tb::DemoWorkspace::copy(tb::test::sourceDir() + u"/resources/demo/workspace"_qs, m_workspace, &error),
                 qPrintable(error));
    }

    void remembersTheSwitchPerProfile()
    {
        const QByteArray files = tb::test::allFileBytes(m_workspace);
        {
            auto window = makeWindow();
            QCheckBox* box = autoRefresh(window.get(), u"demo-password"_qs);
            QVERIFY(box->isChecked());
            box->click();
            QVERIFY(!window->tokenManager()->autoRefresh(u"demo-password"_qs));
            window->close();
        }
        QCOMPARE(tb::test::allFileBytes(m_workspace), files); // a local choice: the shared files stay as they were
        {
            auto window = makeWindow();
            QVERIFY(!window->tokenManager()->autoRefresh(u"demo-password"_qs));
            QVERIFY(window->tokenManager()->autoRefresh(u"demo-client-credentials"_qs));
            QVERIFY(!autoRefresh(window.get(), u"demo-password"_qs)->isChecked());
            QVERIFY(autoRefresh(window.get(), u"demo-client-credentials"_qs)->isChecked());
            // Switched on again, it is on after the next restart too.
            autoRefresh(window.get(), u"demo-password"_qs)->click();
            QVERIFY(window->tokenManager()->autoRefresh(u"demo-password"_qs));
            window->close();
        }
        auto window = makeWindow();
        QVERIFY(window->tokenManager()->autoRefresh(u"demo-password"_qs));
        QVERIFY(autoRefresh(window.get(), u"demo-password"_qs)->isChecked());
    }
};

QTEST_MAIN(TestAutoRefreshMemory)
#include "TestAutoRefreshMemory.moc"
