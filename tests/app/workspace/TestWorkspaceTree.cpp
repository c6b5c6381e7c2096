#include "workspace/RequestLocation.h"
#include "workspace/WorkspaceStore.h"
#include "workspace/WorkspaceTree.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

QStringList names(const std::vector<CollectionItem>& items)
{
    QStringList result;
    for (const CollectionItem& item : items)
        result << item.name;
    return result;
}

} // namespace

class TestWorkspaceTree : public QObject
{
    Q_OBJECT

private slots:
    void editsAreSavedInOrder()
    {
        QTemporaryDir dir;
        Workspace workspace;
        Collection api;
        api.name = u"API"_s;
        workspace.collections.push_back(api);
        QVERIFY(WorkspaceStore::save(dir.path(), workspace).ok());

        const auto users = WorkspaceTree::addRequest(workspace, u"api"_s, u"List users"_s);
        QVERIFY(users.ok());
        QCOMPARE(users.path, u"api/list-users"_s);
        const auto admin = WorkspaceTree::addFolder(workspace, u"api"_s, u"Admin"_s);
        QCOMPARE(admin.path, u"api/admin"_s);
        const auto second = WorkspaceTree::addRequest(workspace, u"api"_s, u"List users"_s);
        QCOMPARE(second.path, u"api/list-users-2"_s); // unique among its siblings at once
        QVERIFY(!WorkspaceTree::addRequest(workspace, u"nowhere"_s, u"x"_s).ok());
        QVERIFY(!WorkspaceTree::addRequest(workspace, u"api"_s, u"  "_s).ok());

        QVERIFY(WorkspaceTree::rename(workspace, second.path, u"Get a user"_s).ok());
        const auto copy = WorkspaceTree::duplicate(workspace, users.path);
        QCOMPARE(copy.path, u"api/list-users-copy"_s);
        QCOMPARE(names(workspace.collections[0].items),
                 (QStringList{u"List users"_s, u"List users copy"_s, u"Admin"_s, u"Get a user"_s}));

        // Into a folder that sits after the item (the erase shifts it), then reorder at the top level.
        const auto moved = WorkspaceTree::move(workspace, copy.path, admin.path, 0);
        QVERIFY2(moved.ok(), qPrintable(moved.error));
        QCOMPARE(moved.path, u"api/admin/list-users-copy"_s);
        QVERIFY(!WorkspaceTree::move(workspace, admin.path, admin.path, 0).ok());
        QVERIFY(WorkspaceTree::move(workspace, second.path, u"api"_s, 0).ok());
        QCOMPARE(names(workspace.collections[0].items), (QStringList{u"Get a user"_s, u"List users"_s, u"Admin"_s}));
        QVERIFY(WorkspaceTree::move(workspace, second.path, u"api"_s, 2).ok()); // below "List users"
        QCOMPARE(names(workspace.collections[0].items), (QStringList{u"List users"_s, u"Get a user"_s, u"Admin"_s}));

        QVERIFY(WorkspaceStore::save(dir.path(), workspace).ok());
        const Workspace loaded = WorkspaceStore::load(dir.path()).workspace;
        QCOMPARE(names(loaded.collections[0].items), (QStringList{u"List users"_s, u"Get a user"_s, u"Admin"_s}));
        QVERIFY(RequestLocation::find(loaded, moved.path, nullptr));
        QVERIFY(QFileInfo::exists(dir.filePath(u"collections/api/admin/list-users-copy.request.json"_s)));

        QVERIFY(WorkspaceTree::remove(workspace, admin.path).ok());
        QVERIFY(!WorkspaceTree::remove(workspace, admin.path).ok());
        QVERIFY(WorkspaceStore::save(dir.path(), workspace).ok());
        QVERIFY(!QFileInfo::exists(dir.filePath(u"collections/api/admin"_s)));
        QVERIFY(WorkspaceTree::isFolderOrCollection(workspace, u"api"_s));
        QVERIFY(!WorkspaceTree::isFolderOrCollection(workspace, users.path));
    }

    // Save as: the name is checked against the container's children (case aside), the request kept as given.
    void savesARequestUnderAFreeName()
    {
        Workspace workspace;
        Collection api;
        api.name = u"API"_s;
        api.slug = u"api"_s;
        workspace.collections.push_back(api);
        const auto admin = WorkspaceTree::addFolder(workspace, u"api"_s, u"Admin"_s);
        RequestSpec spec;
        spec.method = u"DELETE"_s;
        spec.url = u"https://api.example/users/7"_s;

        QCOMPARE(WorkspaceTree::checkNewName(workspace, admin.path, u"  "_s), u"A name is needed."_s);
        QVERIFY(WorkspaceTree::checkNewName(workspace, u"nowhere"_s, u"x"_s).contains(u"nowhere"));
        QVERIFY(WorkspaceTree::checkNewName(workspace, admin.path, u"Delete user"_s).isEmpty());
        const auto saved = WorkspaceTree::saveRequestAs(workspace, admin.path, u" Delete user "_s, spec);
        QVERIFY2(saved.ok(), qPrintable(saved.error));
        QCOMPARE(saved.path, u"api/admin/delete-user"_s);
        const auto location = RequestLocation::find(workspace, saved.path, nullptr);
        QVERIFY(location);
        QCOMPARE(location->item->name, u"Delete user"_s);
        QCOMPARE(location->item->request, spec);

        const QString taken = WorkspaceTree::checkNewName(workspace, admin.path, u"delete USER"_s);
        QCOMPARE(taken, u"There is already a request named “Delete user” here. Choose another name."_s);
        QCOMPARE(WorkspaceTree::saveRequestAs(workspace, admin.path, u"delete USER"_s, spec).error, taken);
        QVERIFY(WorkspaceTree::checkNewName(workspace, u"api"_s, u"admin"_s).contains(u"folder named “Admin”"));
        QVERIFY(WorkspaceTree::checkNewName(workspace, u"api"_s, u"Delete user"_s).isEmpty()); // another container
        QCOMPARE(location->folders.front()->children.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceTree)
#include "TestWorkspaceTree.moc"
