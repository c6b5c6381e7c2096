#include "FirstRunOptions.h"
#include "MainWindow.h"
#include "RequestTab.h"
#include "request/RequestEditor.h"
#include "response/ResponseBodyView.h"
#include "server/LocalServerController.h"
#include "workspace/WorkspacePanel.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using tb::ui::LocalServerController;
using tb::ui::MainWindow;

// The very first start of the app: the demo workspace opens and the local server starts in-process, so the seed's
// story is three clicks on the real window: "List users" -> Send (401) -> Auth: demo-password -> Send (200).
class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QTreeWidgetItem* find(QTreeWidget* tree, const QString& text)
    {
        const auto items = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
        return items.isEmpty() ? nullptr : items.first();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A first run: no workspace in the (test) data folder yet.
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void theSeedsStoryInThreeClicks()
    {
        MainWindow window(tb::test::FirstRunOptions::make(m_dir.filePath(u"settings.ini"_qs)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTRY_COMPARE_WITH_TIMEOUT(window.localServer()->state(), LocalServerController::State::Running, 20000);
        const QString base = window.localServer()->baseUrl().toString();
        QVERIFY(window.findChild<QLabel*>(u"serverStatusLabel"_qs)->text().contains(base));
        auto* tree = window.findChild<tb::ui::WorkspacePanel*>()->tree();
        QTRY_VERIFY(find(tree, u"GET  List users"_qs));

        // 1. "List users" in the workspace tree.
        QTreeWidgetItem* listUsers = find(tree, u"GET  List users"_qs);
        tree->scrollToItem(listUsers);
        const QPoint at = tree->visualItemRect(listUsers).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(window.currentTab()->title(), u"List users"_qs);
        auto* tab = window.currentTab();

        // 2. Send: no token, 401, at the in-process server (the demo's base_url follows it).
        QTest::mouseClick(tab->findChild<QPushButton*>(u"sendPushButton"_qs), Qt::LeftButton);
        auto* status = tab->findChild<QLabel*>(u"statusLabel"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"401"), 15000);

        // 3. Auth: the demo password profile, then Send: a token is fetched and the users come back.
        auto* parts = tab->findChild<QTabWidget*>(u"requestPartsTabWidget"_qs);
        for (int i = 0; i < parts->count(); ++i)
            if (parts->tabText(i).remove(u'&') == u"Auth")
                parts->setCurrentIndex(i);
        auto* kind = tab->findChild<QComboBox*>(u"authKindComboBox"_qs);
        kind->setCurrentIndex(kind->findText(u"OAuth 2.0 profile"_qs));
        auto* profile = tab->findChild<QComboBox*>(u"oauthProfileComboBox"_qs);
        QTRY_VERIFY(profile->findText(u"demo-password"_qs) >= 0);
        profile->setCurrentIndex(profile->findText(u"demo-password"_qs));
        QTRY_VERIFY(tab->findChild<QLabel*>(u"authTokenStateLabel"_qs)->text().startsWith(u"No token yet"));
        QTest::mouseClick(tab->findChild<QPushButton*>(u"sendPushButton"_qs), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"200"), 15000);
        auto* body = tab->findChild<tb::ui::ResponseBodyView*>();
        QTRY_VERIFY(body->displayedText().contains(u"alice@example.com"));
        QTRY_VERIFY(tab->findChild<QLabel*>(u"authTokenStateLabel"_qs)->text().startsWith(u"Valid, expires in"));

        const QAbstractItemModel* history = window.findChild<QListView*>(u"historyListView"_qs)->model();
        QCOMPARE(history->rowCount(), 2);
        const QString newest = history->index(0, 0).data().toString();
        QVERIFY2(newest.startsWith(u"200  GET  "_qs + base), qPrintable(newest + u" vs "_qs + base));
        QVERIFY(history->index(1, 0).data().toString().startsWith(u"401  GET  "_qs + base));
    }
};

QTEST_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
