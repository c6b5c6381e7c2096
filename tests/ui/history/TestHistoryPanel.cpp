#include "MainWindow.h"
#include "RequestTab.h"
#include "history/HistoryPanel.h"
#include "request/RequestEditor.h"
#include "support/TestHttpServer.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tb::ui::MainWindow;

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private:
    // Sends spec from a new tab and waits for its status.
    static void send(MainWindow& window, const tb::RequestSpec& spec, const QString& status)
    {
        tb::ui::RequestTab* tab = window.openRequest(u"t"_s, spec);
        window.sendCurrent();
        auto* label = tab->findChild<QLabel*>(u"statusLabel"_s);
        QTRY_VERIFY2(label->text().startsWith(status), qPrintable(label->text()));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void recordsSearchesAndReopens()
    {
        QTemporaryDir dir;
        tb::test::TestHttpServer server;
        const QString historyPath = dir.filePath(u"h/history.sqlite"_s);
        MainWindow::Options options;
        options.workspaceDir = dir.filePath(u"ws"_s);
        options.settingsPath = dir.filePath(u"settings.ini"_s);
        options.memorySecrets = true;
        options.historyPath = historyPath;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        tb::RequestSpec get;
        get.url = server.urlString(u"/echo/users"_s);
        get.headers = {{u"Authorization"_s, u"Bearer history-must-not-keep-this"_s, true},
                       {u"X-Trace"_s, u"42"_s, true}};
        send(window, get, u"200"_s);
        tb::RequestSpec post;
        post.method = u"POST"_s;
        post.url = server.urlString(u"/echo/items"_s);
        post.body.kind = tb::RequestBody::Kind::Raw;
        post.body.text = u"{\"name\": \"x\"}"_s;
        send(window, post, u"200"_s);
        tb::RequestSpec missing;
        missing.url = server.urlString(u"/status/404"_s);
        send(window, missing, u"404"_s);

        auto* list = window.findChild<QListView*>(u"historyListView"_s);
        auto* search = window.findChild<QLineEdit*>(u"historySearchLineEdit"_s);
        QAbstractItemModel* model = list->model();
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(model->index(0, 0).data().toString().startsWith(u"404  GET"));
        QVERIFY(!model->index(0, 0).data(Qt::AccessibleTextRole).toString().isEmpty());

        QTest::keyClicks(search, u"post"_s);
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(model->index(0, 0).data().toString().contains(u"/echo/items"));
        search->clear();
        QTest::keyClicks(search, u"4xx"_s);
        QCOMPARE(model->rowCount(), 1);
        search->clear();
        QTest::keyClicks(search, u"GET users"_s);
        QCOMPARE(model->rowCount(), 1);

        // Re-open: a new tab with the request as sent, the secret header redacted.
        const int tabs = window.tabCount();
        list->setCurrentIndex(model->index(0, 0));
        emit list->activated(model->index(0, 0));
        QCOMPARE(window.tabCount(), tabs + 1);
        const tb::RequestSpec reopened = window.currentTab()->editor()->spec();
        QCOMPARE(reopened.method, u"GET"_s);
        QCOMPARE(reopened.url, server.urlString(u"/echo/users"_s));
        bool trace = false;
        for (const tb::KeyValueRow& header : reopened.headers) {
            trace |= header.name == u"X-Trace"_s && header.value == u"42"_s;
            QVERIFY(!header.value.contains(u"history-must-not-keep-this"));
        }
        QVERIFY(trace);

        // Ctrl+Shift+H goes to the search box.
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        QTRY_VERIFY(search->hasFocus());

        // The database (and its journal, if any) never saw the token.
        const QDir historyDir = QFileInfo(historyPath).dir();
        QVERIFY(historyDir.exists(u"history.sqlite"_s));
        for (const QString& name : historyDir.entryList(QDir::Files)) {
            QFile file(historyDir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("history-must-not-keep-this"), qPrintable(name));
        }

        // Clear empties the list and the database.
        search->clear();
        window.findChild<tb::ui::HistoryPanel*>()->clear();
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(window.history()->count(), 0);
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "TestHistoryPanel.moc"
