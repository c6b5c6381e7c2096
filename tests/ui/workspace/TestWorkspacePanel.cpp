#include "MainWindow.h"
#include "RequestTab.h"
#include "request/RequestEditor.h"
#include "support/TestHttpServer.h"
#include "workspace/WorkspacePanel.h"
#include "workspace/WorkspaceStore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using tb::ui::MainWindow;

// The workspace side of the real main window: the tree opens requests, the environment feeds variables,
// Ctrl+S writes the request back into the workspace files.
class TestWorkspacePanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeWorkspace(const QString& serverUrl)
    {
        tb::Workspace workspace;
        workspace.name = u"Test workspace"_qs;
        tb::Environment local;
        local.name = u"Local"_qs;
        local.variables = {{u"baseUrl"_qs, serverUrl, false, {}, true, {}}};
        workspace.environments = {local};
        workspace.defaultEnvironment = u"Local"_qs;
        tb::Collection collection;
        collection.name = u"Echo API"_qs;
        collection.variables = {{u"who"_qs, u"collection"_qs, false, {}, true, {}}};
        tb::CollectionItem request;
        request.name = u"Echo me"_qs;
        request.request.url = u"{{baseUrl}}/echo?from={{who}}"_qs;
        collection.items.push_back(request);
        workspace.collections.push_back(collection);
        const QString dir = m_dir.filePath(u"ws"_qs);
        const auto saved = tb::WorkspaceStore::save(dir, workspace);
        [&] { QVERIFY2(saved.ok(), qPrintable(saved.error)); }();
        return dir;
    }

private slots:
    // The first run copies the demo workspace into the app data folder: keep that out of the real one.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensSendsAndSavesWorkspaceRequests()
    {
        tb::test::TestHttpServer server;
        const QString dir = makeWorkspace(server.urlString({}).chopped(server.urlString({}).endsWith(u'/') ? 1 : 0));
        MainWindow window({dir, m_dir.filePath(u"settings.ini"_qs), true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tree = window.findChild<QTreeWidget*>(u"workspaceTreeWidget"_qs);
        QTRY_COMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(window.findChild<QComboBox*>(u"environmentComboBox"_qs)->currentText(), u"Local"_qs);
        QVERIFY(window.findChild<QLabel*>(u"environmentStatusLabel"_qs)->text().contains(u"Local"));

        QTreeWidgetItem* item = tree->topLevelItem(0)->child(0);
        QVERIFY(item->text(0).contains(u"Echo me"));
        emit tree->itemActivated(item, 0);
        QCOMPARE(window.currentTab()->title(), u"Echo me"_qs);
        QCOMPARE(window.currentTab()->path(), item->data(0, tb::ui::WorkspacePanel::PathRole).toString());

        window.sendCurrent();
        QTRY_COMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().target, QByteArray("/echo?from=collection"));

        auto* url = window.currentTab()->findChild<QLineEdit*>(u"urlLineEdit"_qs);
        QTest::keyClicks(url, u"&extra=1"_qs);
        QVERIFY(window.currentTab()->isDirty());
        QTest::keySequence(&window, QKeySequence::Save);
        QVERIFY(!window.currentTab()->isDirty());
        const auto reloaded = tb::WorkspaceStore::load(dir);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded.workspace.collections.front().items.front().request.url,
                 u"{{baseUrl}}/echo?from={{who}}&extra=1"_qs);
    }
};

QTEST_MAIN(TestWorkspacePanel)
#include "TestWorkspacePanel.moc"
