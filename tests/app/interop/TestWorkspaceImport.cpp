#include "PostmanFixtures.h"
#include "interop/WorkspaceImport.h"
#include "workspace/WorkspaceStore.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {} // namespace

class TestWorkspaceImport : public QObject
{
    Q_OBJECT

private slots:
    void curlIntoANewWorkspace();
    void postmanCollectionAndEnvironment();
    void refusesANewerWorkspace();
};

void TestWorkspaceImport::curlIntoANewWorkspace()
{
    QTemporaryDir dir;
    WorkspaceImport::CurlTarget target;
    target.collection = u"From docs"_s;
    target.folder = u"Auth/Tokens"_s;
    const WorkspaceImport::Result first = WorkspaceImport::curl(
        dir.path(),
        u"curl -u 'client:sup3r-secret-pw' -d grant_type=client_credentials https://auth.example.com/o/token/"_s,
        target);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QCOMPARE(first.secrets.size(), 1);
    QCOMPARE(first.secrets.at(0).value, u"sup3r-secret-pw"_s);
    QVERIFY(!test::allFileBytes(dir.path()).contains("sup3r-secret-pw"));
    target.name = u"Second"_s;
    QVERIFY(WorkspaceImport::curl(dir.path(), u"curl https://auth.example.com/health"_s, target).ok());

    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok());
    const Collection* c = loaded.workspace.collection(u"From docs");
    QVERIFY(c);
    const CollectionItem& tokens = c->items.at(0).children.at(0);
    QCOMPARE(tokens.name, u"Tokens"_s);
    QCOMPARE(tokens.children.size(), 2u);
    QCOMPARE(tokens.children.at(0).name, u"POST /o/token/"_s);
    QCOMPARE(tokens.children.at(0).request.auth.password, u"{{client_password}}"_s);
    QCOMPARE(tokens.children.at(1).name, u"Second"_s);
    QVERIFY(!WorkspaceImport::curl(dir.path(), u"wget x"_s, target).ok());
}

void TestWorkspaceImport::postmanCollectionAndEnvironment()
{
    QTemporaryDir dir;
    const WorkspaceImport::Result imported =
        WorkspaceImport::postmanCollection(dir.path(), test::readPostman(u"auth.postman_collection.json"_s));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QVERIFY(!imported.notes.isEmpty());
    // Secret variables, literal passwords and the oauth2 client secret and password, all for the SecretStore.
    QStringList values;
    for (const SecretWrite& s : imported.secrets) {
        values << s.value;
    }
    for (const QString& secret : {u"pm-client-secret-123"_s, u"pm-alice-password"_s, u"pm-api-key-456"_s,
                                  u"pm-admin-pw"_s, u"folder-level-token-789"_s}) {
        QVERIFY2(values.contains(secret), qPrintable(secret));
        QVERIFY(!test::allFileBytes(dir.path()).contains(secret.toUtf8()));
    }
    // postmanFile() tells an environment from a collection.
    const WorkspaceImport::Result env =
        WorkspaceImport::postmanFile(dir.path(), test::readPostman(u"local.postman_environment.json"_s));
    QVERIFY(env.ok());
    QCOMPARE(env.secrets.size(), 1);
    // Importing the same collection again adds a copy instead of replacing the user's.
    QVERIFY(WorkspaceImport::postmanFile(dir.path(), test::readPostman(u"auth.postman_collection.json"_s)).ok());
    const Workspace ws = WorkspaceStore::load(dir.path()).workspace;
    QCOMPARE(ws.collections.size(), 2u);
    QCOMPARE(ws.authProfiles.size(), 3);
    QCOMPARE(ws.defaultEnvironment, u"Local dev"_s);
}

void TestWorkspaceImport::refusesANewerWorkspace()
{
    QTemporaryDir dir;
    QFile manifest(dir.filePath(u"tokenbench.json"_s));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("{\"formatVersion\": 42}");
    manifest.close();
    const WorkspaceImport::Result r = WorkspaceImport::curl(dir.path(), u"curl https://x.example/"_s, {});
    QVERIFY(!r.ok());
    QVERIFY(r.error.contains(u"newer"_s));
}

QTEST_GUILESS_MAIN(TestWorkspaceImport)
#include "TestWorkspaceImport.moc"
