#include "MainWindow.h"
#include "RequestTab.h"
#include "interop/CurlSnippetView.h"
#include "request/RequestEditor.h"
#include "support/FileScan.h"
#include "support/TestPaths.h"
#include "workspace/WorkspaceStore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using tb::ui::MainWindow;

namespace {

QString postman(const QString& name)
{
    return tb::test::sourceDir() + u"/tests/app/interop/data/postman/"_s + name;
}

QStringList topLevelNames(QTreeWidget* tree)
{
    QStringList names;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        names << tree->topLevelItem(i)->text(0);
    return names;
}

} // namespace

// The curl view of the current request, and the import and export of files around it.
class TestCurlSnippetView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheCurrentRequestWithoutSecrets()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(u"ws"_s);
        tb::Workspace workspace;
        workspace.environments.append(
            tb::Environment{u"Local"_s,
                            {},
                            {tb::Variable{u"host"_s, u"api.local.test"_s, false, {}, true, {}},
                             tb::Variable{u"apiToken"_s, u"snippet-env-secret"_s, true, {}, true, {}}}});
        workspace.defaultEnvironment = u"Local"_s;
        const auto saved = tb::WorkspaceStore::save(ws, workspace);
        QCOMPARE(saved.secrets.size(), 1);

        MainWindow window({ws, dir.filePath(u"settings.ini"_s), true});
        window.secretStore()->write(saved.secrets[0].ref, "snippet-env-secret", nullptr, {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.variables().resolve(u"{{apiToken}}", u"test"_s).text, u"snippet-env-secret"_s);

        tb::RequestSpec spec;
        spec.url = u"https://{{host}}/items"_s;
        spec.headers = {{u"X-Token"_s, u"{{apiToken}}"_s, true}};
        spec.auth.kind = tb::AuthSpec::Kind::Bearer;
        spec.auth.token = u"typed-literal-token"_s;
        window.openRequest(u"Items"_s, spec);
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        auto* view = window.findChild<tb::ui::CurlSnippetView*>();
        QTRY_VERIFY(view->isVisible());
        const QString command = view->command();
        QVERIFY2(command.contains(u"https://api.local.test/items"), qPrintable(command));
        QVERIFY2(command.contains(u"${apiToken}"), qPrintable(command));
        QVERIFY2(!command.contains(u"snippet-env-secret") && !command.contains(u"typed-literal-token"),
                 qPrintable(command));

        // It follows edits, and Copy (and Copy as curl) put the same safe text on the clipboard.
        auto* url = window.currentTab()->editor()->findChild<QLineEdit*>(u"urlLineEdit"_s);
        url->setFocus();
        QTest::keyClicks(url, u"/7"_s);
        QTRY_VERIFY(view->command().contains(u"https://api.local.test/items/7"));
        QTest::mouseClick(view->findChild<QPushButton*>(u"copyCurlSnippetPushButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), view->command());
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        QVERIFY(!QGuiApplication::clipboard()->text().contains(u"snippet-env-secret"));
        QVERIFY(QGuiApplication::clipboard()->text().contains(u"${apiToken}"));
    }

    void importsPostmanFilesAndExportsACollection()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(u"ws"_s);
        tb::Workspace workspace;
        workspace.name = u"Import test"_s;
        QVERIFY(tb::WorkspaceStore::save(ws, workspace).ok());

        MainWindow window({ws, dir.filePath(u"settings.ini"_s), true});
        // Named before the workspace is open, as on the command line: imported once it is.
        window.importFile(postman(u"auth.postman_collection.json"_s));
        window.show();
        auto* tree = window.findChild<QTreeWidget*>(u"workspaceTreeWidget"_s);
        QMessageBox* report = nullptr;
        QTRY_VERIFY((report = window.findChild<QMessageBox*>(u"importReportMessageBox"_s)));
        QTRY_COMPARE(topLevelNames(tree), QStringList{u"Auth kinds"_s});
        QVERIFY2(report->text().contains(u"Auth kinds"), qPrintable(report->text()));
        QVERIFY2(report->detailedText().contains(u"script", Qt::CaseInsensitive), qPrintable(report->detailedText()));
        report->accept();
        QVERIFY(!tb::test::allFileBytes(ws).contains("pm-client-secret-123"));
        QVERIFY(!tb::test::allFileBytes(ws).contains("pm-alice-password"));

        // Dropped on the window, like a file from a file manager.
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(postman(u"local.postman_environment.json"_s))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        auto* environments = window.findChild<QComboBox*>(u"environmentComboBox"_s);
        QTRY_VERIFY(environments->findText(u"Local dev"_s) >= 0);

        qDeleteAll(window.findChildren<QMessageBox*>(u"importReportMessageBox"_s));
        window.importFile(dir.filePath(u"missing.json"_s));
        QTRY_VERIFY(window.findChild<QMessageBox*>(u"importReportMessageBox"_s));
        QVERIFY(window.findChild<QMessageBox*>(u"importReportMessageBox"_s)->text().contains(u"Nothing was imported"));

        const QString out = dir.filePath(u"out.postman_collection.json"_s);
        QCOMPARE(window.exportCollection(u"Auth kinds"_s, out), QString());
        QVERIFY(!window.exportCollection(u"Nope"_s, out + u"2"_s).isEmpty());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        QVERIFY(json[u"info"][u"schema"].toString().contains(u"v2.1.0"));
        QVERIFY(!json[u"item"].toArray().isEmpty());
        QVERIFY(!bytes.contains("pm-client-secret-123"));
    }
};

QTEST_MAIN(TestCurlSnippetView)
#include "TestCurlSnippetView.moc"
