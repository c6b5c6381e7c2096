#include "MainWindow.h"
#include "RequestTab.h"
#include "workspace/WorkspaceStore.h"
#include "workspace/WorkspaceTreeWidget.h"

#include <QFileInfo>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using tb::ui::MainWindow;
using tb::ui::WorkspaceTreeWidget;

namespace {

QStringList namesOnDisk(const QString& dir)
{
    QStringList names;
    const tb::WorkspaceStore::LoadResult loaded = tb::WorkspaceStore::load(dir);
    for (const tb::CollectionItem& item : loaded.workspace.collections.front().items) {
        names << item.name;
        for (const tb::CollectionItem& child : item.children)
            names << item.name + u'/' + child.name;
    }
    return names;
}

QTreeWidgetItem* findNode(QTreeWidget* tree, const QString& path)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->data(0, WorkspaceTreeWidget::NodePathRole).toString() == path)
            return *it;
    return nullptr;
}

} // namespace

class TestWorkspaceTreeWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editsTheTreeWithUndoAndKeepsItOnDisk()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(u"ws"_s);
        tb::Workspace workspace;
        tb::Collection api;
        api.name = u"API"_s;
        for (const QString& name : {u"Alpha"_s, u"Beta"_s}) {
            tb::CollectionItem request;
            request.name = name;
            request.request.url = u"https://example.org/"_s + name;
            api.items.push_back(request);
        }
        tb::CollectionItem folder;
        folder.kind = tb::CollectionItem::Kind::Folder;
        folder.name = u"Folder"_s;
        api.items.push_back(folder);
        workspace.collections.push_back(api);
        QVERIFY(tb::WorkspaceStore::save(ws, workspace).ok());

        MainWindow window({ws, dir.filePath(u"settings.ini"_s), true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tree = window.findChild<WorkspaceTreeWidget*>(u"workspaceTreeWidget"_s);
        QTRY_VERIFY(findNode(tree, u"api/beta"_s));
        window.openWorkspaceRequest(u"api/beta"_s);

        // Rename in place (F2, type, Enter): the name changes, the file keeps its name, the tab follows.
        tree->setFocus();
        tree->setCurrentItem(findNode(tree, u"api/beta"_s));
        QTest::keyClick(tree, Qt::Key_F2);
        QLineEdit* editor = nullptr;
        QTRY_VERIFY((editor = tree->findChild<QLineEdit*>(u"renameLineEdit"_s)) && editor->isVisible());
        QCOMPARE(editor->text(), u"Beta"_s);
        editor->selectAll();
        QTest::keyClicks(editor, u"Bravo"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(namesOnDisk(ws), (QStringList{u"Alpha"_s, u"Bravo"_s, u"Folder"_s}));
        QVERIFY(QFileInfo::exists(ws + u"/collections/api/beta.request.json"_s));
        QCOMPARE(window.currentTab()->title(), u"Bravo"_s);

        // Delete with the Delete key, then Ctrl+Z brings it back in its place.
        tree->setFocus();
        tree->setCurrentItem(findNode(tree, u"api/alpha"_s));
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(namesOnDisk(ws), (QStringList{u"Bravo"_s, u"Folder"_s}));
        QVERIFY(!QFileInfo::exists(ws + u"/collections/api/alpha.request.json"_s));
        QTest::keySequence(&window, QKeySequence::Undo);
        QCOMPARE(namesOnDisk(ws), (QStringList{u"Alpha"_s, u"Bravo"_s, u"Folder"_s}));
        QVERIFY(QFileInfo::exists(ws + u"/collections/api/alpha.request.json"_s));
        QTest::keySequence(&window, QKeySequence::Redo);
        QCOMPARE(namesOnDisk(ws), (QStringList{u"Bravo"_s, u"Folder"_s}));
        window.undoStack()->undo();

        // Duplicate (Ctrl+D) goes right after the original.
        tree->setCurrentItem(findNode(tree, u"api/alpha"_s));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_D));
        QCOMPARE(namesOnDisk(ws), (QStringList{u"Alpha"_s, u"Alpha copy"_s, u"Bravo"_s, u"Folder"_s}));

        // Drops: onto a folder goes inside, below an item goes after it. The open tab follows its request.
        const auto into =
            WorkspaceTreeWidget::placement(findNode(tree, u"api/folder"_s), WorkspaceTreeWidget::Drop::On);
        QCOMPARE(into.parent, u"api/folder"_s);
        emit tree->moveRequested(u"api/beta"_s, into.parent, into.row);
        QTRY_COMPARE(namesOnDisk(ws), (QStringList{u"Alpha"_s, u"Alpha copy"_s, u"Folder"_s, u"Folder/Bravo"_s}));
        QCOMPARE(window.currentTab()->path(), u"api/folder/beta"_s);
        QVERIFY(QFileInfo::exists(ws + u"/collections/api/folder/beta.request.json"_s));
        QVERIFY(!QFileInfo::exists(ws + u"/collections/api/beta.request.json"_s));

        const auto below =
            WorkspaceTreeWidget::placement(findNode(tree, u"api/alpha-copy"_s), WorkspaceTreeWidget::Drop::Below);
        QCOMPARE(below.parent, u"api"_s);
        QCOMPARE(below.row, 2);
        emit tree->moveRequested(u"api/alpha"_s, below.parent, below.row);
        QTRY_COMPARE(namesOnDisk(ws), (QStringList{u"Alpha copy"_s, u"Alpha"_s, u"Folder"_s, u"Folder/Bravo"_s}));

        // Undo twice: the order and the tab's path come back.
        window.undoStack()->undo();
        window.undoStack()->undo();
        QCOMPARE(namesOnDisk(ws), (QStringList{u"Alpha"_s, u"Alpha copy"_s, u"Bravo"_s, u"Folder"_s}));
        QCOMPARE(window.currentTab()->path(), u"api/beta"_s);
    }
};

QTEST_MAIN(TestWorkspaceTreeWidget)
#include "TestWorkspaceTreeWidget.moc"
