#include "auth/OAuthProfile.h"
#include "secrets/SecretStore.h"
#include "support/TestPaths.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/WorkspaceStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

QString demoDir()
{
    return test::sourceDir() + u"/resources/demo/workspace"_s;
}

QMap<QString, QByteArray> tree(const QString& dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly)) {
            qFatal("cannot read %s", qPrintable(f.fileName()));
        }
        files.insert(QDir(dir).relativeFilePath(f.fileName()), f.readAll());
    }
    return files;
}

} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void loadsCleanlyAndIsCanonical();
    void hasTheUsersApi();
    void profilesUseTheSeedsClients();
};

void TestDemoWorkspace::loadsCleanlyAndIsCanonical()
{
    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(demoDir());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(loaded.issues.isEmpty());
    // Saving the demo as loaded rewrites exactly the files in the repository: they are in canonical form.
    QTemporaryDir dir;
    QString error;
    QVERIFY2(DemoWorkspace::copy(demoDir(), dir.path(), &error), qPrintable(error));
    Workspace ws = loaded.workspace;
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir.path(), ws);
    QVERIFY(saved.ok());
    QVERIFY2(saved.written.isEmpty(), qPrintable(saved.written.join(u", "_s)));
    QVERIFY(saved.secrets.isEmpty());
    QCOMPARE(tree(dir.path()), tree(demoDir()));
    QVERIFY(!DemoWorkspace::copy(demoDir(), dir.path(), &error)); // never over an existing workspace
}

void TestDemoWorkspace::hasTheUsersApi()
{
    const Workspace ws = WorkspaceStore::load(demoDir()).workspace;
    QCOMPARE(ws.defaultEnvironment, u"local"_s);
    QVERIFY(ws.environment(u"local"));
    const Collection* users = ws.collection(u"Users API");
    QVERIFY(users);
    QCOMPARE(users->auth.kind, AuthSpec::Kind::OAuth2);
    QStringList names;
    for (const CollectionItem& item : users->items) {
        names << item.name;
    }
    QCOMPARE(names, (QStringList{u"List users"_s, u"Search by email"_s, u"Search by username"_s, u"Page 2"_s,
                                 u"Create a user"_s, u"Get a user"_s, u"Patch a user"_s, u"Delete a user"_s,
                                 u"Without a token (401)"_s}));
    QCOMPARE(users->items.back().request.auth.kind, AuthSpec::Kind::None);
    QCOMPARE(ws.authProfiles.size(), 3);
    for (const AuthProfileFile& file : ws.authProfiles) {
        QString error;
        QVERIFY2(OAuthProfile::fromJson(file.json, &error), qPrintable(error));
    }
}

void TestDemoWorkspace::profilesUseTheSeedsClients()
{
    QFile seedFile(test::sourceDir() + u"/resources/demo/seed.json"_s);
    if (!seedFile.exists()) {
        QSKIP("resources/demo/seed.json (the server's demo seed) is not in this tree");
    }
    QVERIFY(seedFile.open(QIODevice::ReadOnly));
    const QByteArray seed = seedFile.readAll();
    const Workspace ws = WorkspaceStore::load(demoDir()).workspace;
    QString error;
    const QList<SecretWrite> secrets = DemoWorkspace::secretsFromSeed(ws, seed, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Three client secrets and the demo user's password, under the profiles' references.
    QCOMPARE(secrets.size(), 4);
    QHash<QString, QString> byKey;
    for (const SecretWrite& s : secrets) {
        byKey.insert(s.ref, s.value);
    }
    QVERIFY(!byKey.value(SecretStore::keyFor(ws.id, u"demo-password"_s, u"client_secret"_s)).isEmpty());
    QVERIFY(!byKey.value(SecretStore::keyFor(ws.id, u"demo-password"_s, u"password"_s)).isEmpty());
    QVERIFY(!byKey.value(SecretStore::keyFor(ws.id, u"demo-client-credentials"_s, u"client_secret"_s)).isEmpty());
    QVERIFY(!byKey.value(SecretStore::keyFor(ws.id, u"demo-authorization-code"_s, u"client_secret"_s)).isEmpty());
    // And none of them is in a workspace file.
    for (const QByteArray& bytes : tree(demoDir())) {
        for (const SecretWrite& s : secrets) {
            QVERIFY(!bytes.contains(s.value.toUtf8()));
        }
    }
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "TestDemoWorkspace.moc"
