#include "workspace/OpenWorkspace.h"
#include "workspace/WorkspaceWatcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

Workspace smallWorkspace()
{
    Workspace ws;
    ws.name = u"W"_s;
    Collection c;
    c.name = u"API"_s;
    CollectionItem get;
    get.name = u"Get"_s;
    get.request.url = u"http://127.0.0.1/"_s;
    c.items.push_back(get);
    ws.collections.push_back(c);
    return ws;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

void startWatching(WorkspaceWatcher& watcher, const QString& dir)
{
    watcher.setDebounceInterval(20);
    watcher.watch(dir);
}

} // namespace

class TestWorkspaceWatcher : public QObject
{
    Q_OBJECT

private slots:
    void reportsExternalEdits();
    void ignoresOwnSavesAndNoOpTouches();
    void openWorkspaceReloadsAfterAnExternalEdit();
};

void TestWorkspaceWatcher::reportsExternalEdits()
{
    QTemporaryDir dir;
    Workspace ws = smallWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    WorkspaceWatcher watcher;
    QSignalSpy spy(&watcher, &WorkspaceWatcher::changedOnDisk);
    startWatching(watcher, dir.path());

    const QString request = dir.filePath(u"collections/api/get.request.json"_s);
    writeFile(request, "{\"name\": \"Get\", \"method\": \"DELETE\", \"url\": \"http://127.0.0.1/\"}\n");
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.takeFirst().at(0).toStringList(), QStringList{u"collections/api/get.request.json"_s});

    // A new file in a new folder (a pull bringing a folder) is seen too, and then edits inside it.
    QDir().mkpath(dir.filePath(u"collections/api/new"_s));
    writeFile(dir.filePath(u"collections/api/new/folder.json"_s), "{\"name\": \"New\"}\n");
    QVERIFY(spy.wait(5000));
    QVERIFY(spy.takeFirst().at(0).toStringList().contains(u"collections/api/new/folder.json"_s));
    writeFile(dir.filePath(u"collections/api/new/folder.json"_s), "{\"name\": \"Renamed\"}\n");
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.takeFirst().at(0).toStringList(), QStringList{u"collections/api/new/folder.json"_s});

    QFile::remove(request);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.takeFirst().at(0).toStringList(), QStringList{u"collections/api/get.request.json"_s});
}

void TestWorkspaceWatcher::ignoresOwnSavesAndNoOpTouches()
{
    QTemporaryDir dir;
    Workspace ws = smallWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    WorkspaceWatcher watcher;
    QSignalSpy spy(&watcher, &WorkspaceWatcher::changedOnDisk);
    startWatching(watcher, dir.path());

    ws.collections.at(0).items.at(0).request.method = u"POST"_s;
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    watcher.acknowledge();
    // Rewriting a file with the same bytes is no change either.
    const QString manifest = dir.filePath(u"tokenbench.json"_s);
    QFile f(manifest);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    f.close();
    writeFile(manifest, bytes);
    // Then a real external edit: the one report names only that file, so neither the save nor the touch was
    // reported (without waiting for something not to happen).
    writeFile(dir.filePath(u"collections/api/collection.json"_s), "{\"name\": \"Edited\"}\n");
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{u"collections/api/collection.json"_s});
}

void TestWorkspaceWatcher::openWorkspaceReloadsAfterAnExternalEdit()
{
    QTemporaryDir dir;
    Workspace ws = smallWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    OpenWorkspace open;
    open.watcher().setDebounceInterval(20);
    QSignalSpy loaded(&open, &OpenWorkspace::loaded);
    QSignalSpy reloaded(&open, &OpenWorkspace::reloadedFromDisk);
    open.open(dir.path());
    QVERIFY(loaded.wait(5000));
    QCOMPARE(open.workspace().collections.at(0).items.at(0).request.method, u"GET"_s);

    open.workspace().collections.at(0).items.at(0).name = u"Renamed in the app"_s;
    QVERIFY(open.save().ok());
    writeFile(dir.filePath(u"collections/api/get.request.json"_s),
              "{\"name\": \"Get\", \"method\": \"PATCH\", \"url\": \"http://127.0.0.1/\"}\n");
    QVERIFY(reloaded.wait(5000));
    QCOMPARE(reloaded.count(), 1); // the app's own save was not reported
    QCOMPARE(open.workspace().collections.at(0).items.at(0).request.method, u"PATCH"_s);
}

QTEST_GUILESS_MAIN(TestWorkspaceWatcher)
#include "TestWorkspaceWatcher.moc"
