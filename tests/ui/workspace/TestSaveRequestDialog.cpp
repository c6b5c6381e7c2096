#include "MainWindow.h"
#include "RequestTab.h"
#include "request/RequestEditor.h"
#include "secrets/SecretStore.h"
#include "support/FileScan.h"
#include "support/TestHttpServer.h"
#include "workspace/RequestLocation.h"
#include "workspace/SaveRequestDialog.h"
#include "workspace/WorkspaceStore.h"
#include "workspace/WorkspaceTree.h"
#include "workspace/WorkspaceTreeWidget.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using tb::ui::MainWindow;
using tb::ui::RequestTab;
using tb::ui::SaveRequestDialog;

// Save as on the real MainWindow: a scratch tab (a curl import) goes into a folder of the workspace, the files and
// the tab say so, a restart brings it back as a workspace tab, and its inline secrets land in the SecretStore only.
class TestSaveRequestDialog : public QObject
{
    Q_OBJECT

private:
    static constexpr auto kCurl = "curl -X PUT -u alice:s3cret-pass-9 -H 'X-Api-Key: k3y-value-77' "
                                  "-H 'X-One: 1' https://api.example.org/items/7";

    // A workspace with a collection "API" holding a folder "Admin" that holds a request "Existing".
    QString makeWorkspace()
    {
        const QString dir = m_dir.filePath(u"workspace-%1"_qs.arg(++m_workspaces));
        tb::Workspace workspace;
        workspace.name = u"Save as"_qs;
        tb::Collection api;
        api.name = u"API"_qs;
        workspace.collections.push_back(api);
        auto save = tb::WorkspaceStore::save(dir, workspace);
        if (!save.ok())
            qFatal("cannot write the workspace: %s", qPrintable(save.error));
        tb::WorkspaceTree::addFolder(workspace, u"api"_qs, u"Admin"_qs);
        tb::RequestSpec existing;
        existing.url = u"https://api.example.org/existing"_qs;
        tb::WorkspaceTree::saveRequestAs(workspace, u"api/admin"_qs, u"Existing"_qs, existing);
        save = tb::WorkspaceStore::save(dir, workspace);
        if (!save.ok())
            qFatal("cannot write the workspace: %s", qPrintable(save.error));
        return dir;
    }

    std::unique_ptr<MainWindow> makeWindow(const QString& workspace)
    {
        auto window = std::make_unique<MainWindow>(
            MainWindow::Options{workspace, m_dir.filePath(u"settings-%1.ini"_qs.arg(m_workspaces)), true});
        window->setUnsavedPrompt([](const QString&) { return QMessageBox::Discard; });
        window->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
        auto* tree = window->findChild<QTreeWidget*>(u"workspaceTreeWidget"_qs);
        [&] { QTRY_COMPARE(tree->topLevelItemCount(), 1); }();
        return window;
    }

    void importCurl(MainWindow* window, const QString& command = QString::fromLatin1(kCurl))
    {
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_I));
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<QDialog*>(u"importCurlDialog"_qs)) && dialog->isVisible());
        dialog->findChild<QPlainTextEdit*>(u"curlPlainTextEdit"_qs)->setPlainText(command);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QDialog*>(u"importCurlDialog"_qs));
    }

    void selectInTree(MainWindow* window, const QString& path)
    {
        auto* tree = window->findChild<QTreeWidget*>(u"workspaceTreeWidget"_qs);
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            if ((*it)->data(0, tb::ui::WorkspaceTreeWidget::NodePathRole).toString() == path)
                tree->setCurrentItem(*it);
        QCOMPARE(tree->currentItem()->data(0, tb::ui::WorkspaceTreeWidget::NodePathRole).toString(), path);
    }

    // Presses keys and returns the Save as dialog it opened.
    SaveRequestDialog* openSaveDialog(MainWindow* window, const QKeySequence& keys)
    {
        // Shortcuts reach the active window only, and the closed import dialog leaves none active.
        window->activateWindow();
        [&] { QVERIFY(QTest::qWaitForWindowActive(window)); }();
        QTest::keySequence(window, keys);
        SaveRequestDialog* dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = window->findChild<SaveRequestDialog*>()) && dialog->isVisible()); }();
        return dialog;
    }

    QPushButton* saveButton(SaveRequestDialog* dialog)
    {
        return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    }

    QTemporaryDir m_dir;
    int m_workspaces = 0;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Ctrl+S on a scratch tab asks where, writes the request into the folder, and the tab becomes that request.
    void savesAnImportedRequestIntoAFolder()
    {
        tb::test::TestHttpServer server;
        const QString url = server.urlString(u"/echo/items/7"_qs);
        const QString dir = makeWorkspace();
        QHash<QString, QString> secrets; // what the keychain keeps across the restart (the test's store is memory)
        {
            auto window = makeWindow(dir);
            selectInTree(window.get(), u"api/admin"_qs);
            importCurl(window.get(), QString::fromLatin1(kCurl).replace(u"https://api.example.org/items/7"_qs, url));
            RequestTab* tab = window->currentTab();
            QVERIFY(tab->path().isEmpty());
            const QString proposed = tab->title();

            SaveRequestDialog* dialog = openSaveDialog(window.get(), QKeySequence::Save);
            QCOMPARE(dialog->container(), u"api/admin"_qs); // the tree's selection
            auto* name = dialog->findChild<QLineEdit*>(u"requestNameLineEdit"_qs);
            QCOMPARE(name->text(), proposed);
            name->setText(u"Update item"_qs);
            QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
            QTRY_VERIFY(!window->findChild<SaveRequestDialog*>());

            // On disk, with the request as imported.
            const QString file = dir + u"/collections/api/admin/update-item.request.json"_qs;
            QVERIFY(QFileInfo::exists(file));
            const auto loaded = tb::WorkspaceStore::load(dir);
            QVERIFY(loaded.ok());
            const auto location = tb::RequestLocation::find(loaded.workspace, u"api/admin/update-item"_qs, nullptr);
            QVERIFY(location);
            QCOMPARE(location->item->name, u"Update item"_qs);
            QCOMPARE(location->item->request.method, u"PUT"_qs);
            QCOMPARE(location->item->request.url, url);

            // The tab edits it now: its title, no dirty marker, and the tree shows and selects it.
            QCOMPARE(tab->path(), u"api/admin/update-item"_qs);
            QCOMPARE(tab->title(), u"Update item"_qs);
            QVERIFY(!tab->isDirty());
            auto* tabs = window->findChild<QTabWidget*>(u"requestTabWidget"_qs);
            QCOMPARE(tabs->tabText(tabs->indexOf(tab)), u"Update item"_qs);
            const QTreeWidgetItem* current = window->findChild<QTreeWidget*>(u"workspaceTreeWidget"_qs)->currentItem();
            QCOMPARE(current->data(0, tb::ui::WorkspaceTreeWidget::NodePathRole).toString(),
                     u"api/admin/update-item"_qs);

            // The password and the API key are secret variables of the collection: values in the SecretStore only.
            const QByteArray files = tb::test::allFileBytes(dir);
            QVERIFY(!files.contains("s3cret-pass-9"));
            QVERIFY(!files.contains("k3y-value-77"));
            QStringList stored;
            for (const tb::Variable& variable : loaded.workspace.collections.front().variables) {
                QVERIFY(variable.secret);
                window->secretStore()->read(variable.ref, nullptr,
                                            [&stored, &secrets, ref = variable.ref](const tb::SecretResult& result) {
                                                stored << QString::fromUtf8(result.value);
                                                secrets.insert(ref, QString::fromUtf8(result.value));
                                            });
            }
            QTRY_COMPARE(stored.size(), 2);
            stored.sort();
            QCOMPARE(stored, (QStringList{u"k3y-value-77"_qs, u"s3cret-pass-9"_qs}));
            QVERIFY(!tab->editor()->spec().auth.password.contains(u"s3cret")); // the tab shows what was saved
            window->close();
        }
        // After a restart the tab is the workspace request again.
        auto window = makeWindow(dir);
        RequestTab* tab = nullptr;
        for (int i = 0; i < window->tabCount(); ++i) {
            window->findChild<QTabWidget*>(u"requestTabWidget"_qs)->setCurrentIndex(i);
            if (window->currentTab()->path() == u"api/admin/update-item")
                tab = window->currentTab();
        }
        QVERIFY(tab);
        QCOMPARE(tab->title(), u"Update item"_qs);
        QTRY_COMPARE(tab->editor()->spec().method, u"PUT"_qs);
        QVERIFY(!tab->isDirty());

        // Sent after the restart, the collection's secret variables come from the store again.
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
            window->secretStore()->write(it.key(), it.value().toUtf8(), nullptr, {});
        window->sendCurrent();
        QTRY_COMPARE(server.requests().size(), 1);
        QByteArray authorization;
        QByteArray apiKey;
        for (const auto& [name, value] : server.requests().first().headers) {
            if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
                authorization = value;
            if (name.compare("X-Api-Key", Qt::CaseInsensitive) == 0)
                apiKey = value;
        }
        QCOMPARE(authorization, "Basic " + QByteArray("alice:s3cret-pass-9").toBase64());
        QCOMPARE(apiKey, QByteArray("k3y-value-77"));
    }

    // An empty or taken name is refused with the reason; Cancel leaves the workspace, the tab and the undo stack.
    void refusesTakenNamesAndCancelChangesNothing()
    {
        const QString dir = makeWorkspace();
        auto window = makeWindow(dir);
        selectInTree(window.get(), u"api/admin"_qs);
        importCurl(window.get());
        RequestTab* tab = window->currentTab();
        const QString title = tab->title();
        const bool dirty = tab->isDirty();
        const QByteArray before = tb::test::allFileBytes(dir);

        SaveRequestDialog* dialog = openSaveDialog(window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        auto* name = dialog->findChild<QLineEdit*>(u"requestNameLineEdit"_qs);
        auto* error = dialog->findChild<QLabel*>(u"saveErrorLabel"_qs);
        QVERIFY(!error->isVisible());
        name->setText(u"existing"_qs);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), u"There is already a request named “Existing” here. Choose another name."_qs);
        name->clear();
        QTest::keyClicks(name, u"  "_qs);
        QVERIFY(!error->isVisible()); // typing clears the old reason
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QCOMPARE(error->text(), u"A name is needed."_qs);

        dialog->reject();
        QTRY_VERIFY(!window->findChild<SaveRequestDialog*>());
        QCOMPARE(tb::test::allFileBytes(dir), before);
        QVERIFY(tab->path().isEmpty());
        QCOMPARE(tab->title(), title);
        QCOMPARE(tab->isDirty(), dirty);
        QCOMPARE(window->undoStack()->count(), 0);
    }

    // Closing a changed scratch tab and answering Save asks where; the tab closes once the request is saved.
    void closingAChangedScratchTabSavesItFirst()
    {
        const QString dir = makeWorkspace();
        auto window = makeWindow(dir);
        window->setUnsavedPrompt([](const QString&) { return QMessageBox::Save; });
        window->newRequest();
        auto* url = window->currentTab()->findChild<QLineEdit*>(u"urlLineEdit"_qs);
        QTest::keyClicks(url, u"https://api.example.org/closing"_qs);
        const int before = window->tabCount();
        SaveRequestDialog* dialog = openSaveDialog(window.get(), QKeySequence(Qt::CTRL | Qt::Key_W));
        QCOMPARE(window->tabCount(), before); // open until it is saved
        dialog->findChild<QLineEdit*>(u"requestNameLineEdit"_qs)->setText(u"Closing"_qs);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_COMPARE(window->tabCount(), before - 1);
        const auto loaded = tb::WorkspaceStore::load(dir).workspace;
        const auto location = tb::RequestLocation::find(loaded, u"api/closing"_qs, nullptr);
        QVERIFY(location);
        QCOMPARE(location->item->request.url, u"https://api.example.org/closing"_qs);
    }

    // Save as on a saved request makes a copy and the tab moves to it; undo takes the copy away again.
    void savesACopyAndUndoes()
    {
        const QString dir = makeWorkspace();
        auto window = makeWindow(dir);
        RequestTab* tab = window->openWorkspaceRequest(u"api/admin/existing"_qs);
        QVERIFY(tab);
        auto* url = tab->findChild<QLineEdit*>(u"urlLineEdit"_qs);
        url->end(false);
        QTest::keyClicks(url, u"?copy=1"_qs);
        QVERIFY(tab->isDirty());
        SaveRequestDialog* dialog = openSaveDialog(window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        QCOMPARE(dialog->container(), u"api"_qs); // nothing selected: the first collection
        dialog->findChild<QLineEdit*>(u"requestNameLineEdit"_qs)->setText(u"Existing again"_qs);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_COMPARE(tab->path(), u"api/existing-again"_qs);
        QVERIFY(!tab->isDirty());

        const auto loaded = tb::WorkspaceStore::load(dir).workspace;
        QCOMPARE(tb::RequestLocation::find(loaded, u"api/admin/existing"_qs, nullptr)->item->request.url,
                 u"https://api.example.org/existing"_qs); // the original as it was
        QCOMPARE(tb::RequestLocation::find(loaded, u"api/existing-again"_qs, nullptr)->item->request.url,
                 u"https://api.example.org/existing?copy=1"_qs);

        QCOMPARE(window->undoStack()->count(), 1);
        window->undoStack()->undo();
        QVERIFY(!QFileInfo::exists(dir + u"/collections/api/existing-again.request.json"_qs));
        QVERIFY(tab->path().isEmpty()); // a scratch request again, still open
    }
};

QTEST_MAIN(TestSaveRequestDialog)
#include "TestSaveRequestDialog.moc"
