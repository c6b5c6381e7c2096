#include "workspace/JsonFile.h"
#include "workspace/WorkspaceStore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

CollectionItem request(const QString& name, const QString& method, const QString& url)
{
    CollectionItem item;
    item.name = name;
    item.request.method = method;
    item.request.url = url;
    return item;
}

Workspace sampleWorkspace()
{
    Workspace ws;
    ws.name = u"Sample"_s;
    ws.defaultEnvironment = u"local"_s;
    Environment local;
    local.name = u"local"_s;
    local.variables = {Variable{u"base_url"_s, u"http://127.0.0.1:8000"_s, false, {}, true, {}},
                       Variable{u"api_token"_s, u"tok-123-secret"_s, true, {}, true, u"from the admin page"_s}};
    ws.environments << local;
    ws.authProfiles << AuthProfileFile{
        u"demo password"_s, {}, QJsonObject{{u"name"_s, u"demo password"_s}, {u"grantType"_s, u"password"_s}}};

    Collection c;
    c.name = u"Users API"_s;
    c.description = u"Everything about users.\nSecond line."_s;
    c.auth.kind = AuthSpec::Kind::OAuth2;
    c.auth.oauthProfile = u"demo password"_s;
    c.variables = {Variable{u"page_size"_s, u"10"_s, false, {}, true, {}}};

    CollectionItem list = request(u"List users"_s, u"GET"_s, u"{{base_url}}/api/users/"_s);
    list.request.queryParams = {{u"page"_s, u"2"_s, true}, {u"search"_s, u"x"_s, false}};
    list.request.headers = {
        {u"Accept"_s, u"application/json"_s, true}, {u"X-Trace"_s, u"1"_s, true}, {u"X-Trace"_s, u"2"_s, false}};
    c.items.push_back(list);

    CollectionItem admin;
    admin.kind = CollectionItem::Kind::Folder;
    admin.name = u"Admin"_s;
    admin.auth.kind = AuthSpec::Kind::Basic;
    admin.auth.username = u"admin"_s;
    admin.auth.password = u"{{admin_password}}"_s;
    CollectionItem create = request(u"Create a user"_s, u"POST"_s, u"{{base_url}}/api/users/"_s);
    create.request.body.kind = RequestBody::Kind::Raw;
    create.request.body.contentType = u"application/json"_s;
    create.request.body.text = u"{\n  \"username\": \"zoe\"\n}"_s;
    create.scripts.test = u"pm.test('ok', () => {});"_s;
    admin.children.push_back(create);
    CollectionItem upload = request(u"Upload avatar"_s, u"PUT"_s, u"{{base_url}}/api/avatar"_s);
    upload.request.body.kind = RequestBody::Kind::Multipart;
    upload.request.body.parts = {
        MultipartRow{MultipartRow::Kind::File, u"file"_s, u"/tmp/a.png"_s, u"image/png"_s, true},
        MultipartRow{MultipartRow::Kind::Text, u"note"_s, u"hi"_s, {}, false}};
    upload.request.options.maxRedirects = 0;
    upload.request.options.ignoreTlsErrors = true;
    admin.children.push_back(upload);
    CollectionItem form = request(u"Login form"_s, u"POST"_s, u"{{base_url}}/login"_s);
    form.request.body.kind = RequestBody::Kind::UrlEncoded;
    form.request.body.formRows = {{u"user"_s, u"zoe"_s, true}};
    form.request.auth.kind = AuthSpec::Kind::None;
    admin.children.push_back(form);
    c.items.push_back(admin);

    CollectionItem key = request(u"With API key"_s, u"GET"_s, u"{{base_url}}/api/key"_s);
    key.request.auth.kind = AuthSpec::Kind::ApiKey;
    key.request.auth.apiKeyLocation = AuthSpec::ApiKeyLocation::Query;
    key.request.auth.apiKeyName = u"api_key"_s;
    key.request.auth.apiKeyValue = u"{{api_token}}"_s;
    c.items.push_back(key);
    CollectionItem file = request(u"Binary"_s, u"POST"_s, u"{{base_url}}/bin"_s);
    file.request.body.kind = RequestBody::Kind::Binary;
    file.request.body.filePath = u"data.bin"_s;
    c.items.push_back(file);
    ws.collections.push_back(c);
    return ws;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Every file under dir, path -> bytes.
QMap<QString, QByteArray> tree(const QString& dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readAll(path));
    }
    return files;
}

} // namespace

class TestWorkspaceStore : public QObject
{
    Q_OBJECT

private slots:
    void savesTheDocumentedLayout();
    void loadGivesTheSavedModel();
    void savingTwiceIsByteIdentical();
    void secretsNeverReachFiles();
    void literalSecretsBecomeSecretVariables();
    void corruptFileIsReportedAndTheRestLoads();
    void partialFileIsReported();
    void newerVersionIsRefusedAndNotOverwritten();
    void olderVersionIsMigrated();
    void orderIsKeptAndUnlistedFilesAppear();
    void removedItemsLoseTheirFiles();
    void brokenFilesAreNeverDeleted();
    void jsonFileFormat();
};

void TestWorkspaceStore::savesTheDocumentedLayout()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir.path(), ws);
    QVERIFY2(saved.ok(), qPrintable(saved.error));
    const QStringList expected{
        u"auth/demo-password.json"_s,
        u"collections/users-api/admin/create-a-user.request.json"_s,
        u"collections/users-api/admin/folder.json"_s,
        u"collections/users-api/admin/login-form.request.json"_s,
        u"collections/users-api/admin/upload-avatar.request.json"_s,
        u"collections/users-api/binary.request.json"_s,
        u"collections/users-api/collection.json"_s,
        u"collections/users-api/list-users.request.json"_s,
        u"collections/users-api/with-api-key.request.json"_s,
        u"environments/local.json"_s,
        u"tokenbench.json"_s,
    };
    QCOMPARE(tree(dir.path()).keys(), expected);
    const QByteArray list = readAll(dir.filePath(u"collections/users-api/list-users.request.json"_s));
    QVERIFY(list.startsWith("{\n  \"name\": \"List users\",\n  \"method\": \"GET\",\n  \"url\": "));
    QVERIFY(list.endsWith("}\n"));
    QVERIFY(!list.contains("\n    \n"));
    const QByteArray collection = readAll(dir.filePath(u"collections/users-api/collection.json"_s));
    QVERIFY(collection.contains(
        "\"order\": [\n    \"list-users\",\n    \"admin\",\n    \"with-api-key\",\n    \"binary\"\n  ]"));
    QVERIFY(readAll(dir.filePath(u"tokenbench.json"_s)).contains("\"formatVersion\": 2"));
}

void TestWorkspaceStore::loadGivesTheSavedModel()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(loaded.issues.isEmpty());
    QCOMPARE(loaded.workspace.collections.size(), 1u);
    QCOMPARE(loaded.workspace.collections.at(0).items, ws.collections.at(0).items);
    QCOMPARE(loaded.workspace.environments, ws.environments);
    QVERIFY(loaded.workspace == ws); // the saved model (slugs, id, references filled in) is what comes back
}

void TestWorkspaceStore::savingTwiceIsByteIdentical()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const auto first = tree(dir.path());
    const QDateTime mtime = QFileInfo(dir.filePath(u"tokenbench.json"_s)).lastModified();

    Workspace again = WorkspaceStore::load(dir.path()).workspace;
    const WorkspaceStore::SaveResult second = WorkspaceStore::save(dir.path(), again);
    QVERIFY(second.ok());
    QVERIFY2(second.written.isEmpty(), qPrintable(second.written.join(u", "_s)));
    QVERIFY(second.removed.isEmpty());
    QCOMPARE(tree(dir.path()), first);
    QCOMPARE(QFileInfo(dir.filePath(u"tokenbench.json"_s)).lastModified(), mtime); // untouched, not rewritten

    // A fresh save of an equal model in another folder gives the same bytes (nothing depends on time or order
    // of hashing), apart from the generated id.
    QTemporaryDir other;
    Workspace copy = sampleWorkspace();
    copy.id = again.id;
    QVERIFY(WorkspaceStore::save(other.path(), copy).ok());
    QCOMPARE(tree(other.path()), first);
}

void TestWorkspaceStore::secretsNeverReachFiles()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir.path(), ws);
    QCOMPARE(saved.secrets.size(), 1);
    QCOMPARE(saved.secrets.at(0).value, u"tok-123-secret"_s);
    QVERIFY(saved.secrets.at(0).ref.startsWith(ws.id));
    QCOMPARE(ws.environments.at(0).variables.at(1).value, QString()); // taken out of the model too
    for (const QByteArray& bytes : tree(dir.path())) {
        QVERIFY(!bytes.contains("tok-123-secret"));
    }
    const QByteArray env = readAll(dir.filePath(u"environments/local.json"_s));
    QVERIFY(env.contains("\"secret\": true"));
    QVERIFY(env.contains(saved.secrets.at(0).ref.toUtf8()));
}

void TestWorkspaceStore::literalSecretsBecomeSecretVariables()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    CollectionItem& list = ws.collections.at(0).items.at(0);
    list.request.auth.kind = AuthSpec::Kind::Bearer;
    list.request.auth.token = u"eyJ-literal-token"_s;
    list.request.headers << KeyValueRow{u"Cookie"_s, u"sessionid=abc987"_s, true};
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir.path(), ws);
    QCOMPARE(saved.secrets.size(), 3);
    for (const QByteArray& bytes : tree(dir.path())) {
        QVERIFY(!bytes.contains("eyJ-literal-token"));
        QVERIFY(!bytes.contains("sessionid=abc987"));
    }
    QCOMPARE(ws.collections.at(0).items.at(0).request.auth.token, u"{{bearer_token}}"_s);
    QCOMPARE(ws.collections.at(0).items.at(0).request.headers.last().value, u"{{cookie}}"_s);
}

void TestWorkspaceStore::corruptFileIsReportedAndTheRestLoads()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const QString broken = dir.filePath(u"collections/users-api/list-users.request.json"_s);
    writeFile(broken, "{\n  \"name\": \"List users\",\n  \"method\" \"GET\"\n}\n");
    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.issues.size(), 1);
    QCOMPARE(loaded.issues.at(0).path, broken);
    QCOMPARE(loaded.issues.at(0).line, 3);
    // Where "GET" begins (Qt reports the offset just inside the unexpected token).
    QVERIFY(loaded.issues.at(0).column == 12 || loaded.issues.at(0).column == 13);
    QVERIFY(loaded.issues.at(0).toString().startsWith(broken + u":3:1"_s));
    QCOMPARE(loaded.workspace.collections.at(0).items.size(), 3u); // the other three items are there
    QCOMPARE(loaded.workspace.environments.size(), 1);

    // A broken manifest makes the whole folder unusable, with the position.
    writeFile(dir.filePath(u"tokenbench.json"_s), "{ \"formatVersion\": 2,, }");
    const WorkspaceStore::LoadResult noManifest = WorkspaceStore::load(dir.path());
    QVERIFY(!noManifest.ok());
    QVERIFY2(noManifest.error.contains(u"tokenbench.json:1:"_s), qPrintable(noManifest.error));
}

void TestWorkspaceStore::partialFileIsReported()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const QString env = dir.filePath(u"environments/local.json"_s);
    writeFile(env, readAll(env).left(40)); // cut mid-write by another tool
    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.issues.size(), 1);
    QCOMPARE(loaded.issues.at(0).path, env);
    QVERIFY(loaded.issues.at(0).line >= 1);
    QVERIFY(loaded.workspace.environments.isEmpty());
    QCOMPARE(loaded.workspace.collections.size(), 1u);

    writeFile(env, "[1, 2]\n");
    QVERIFY(WorkspaceStore::load(dir.path()).issues.at(0).message.contains(u"object"_s));
    QVERIFY(!WorkspaceStore::load(dir.path() + u"/nope"_s).ok());
}

void TestWorkspaceStore::newerVersionIsRefusedAndNotOverwritten()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const QByteArray newer = "{\n  \"formatVersion\": 99,\n  \"name\": \"From the future\"\n}\n";
    writeFile(dir.filePath(u"tokenbench.json"_s), newer);
    const auto before = tree(dir.path());

    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error.contains(u"newer Tokenbench"_s) && loaded.error.contains(u"99"_s), qPrintable(loaded.error));

    Workspace other = sampleWorkspace();
    other.collections.clear();
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir.path(), other);
    QVERIFY(!saved.ok());
    QVERIFY(saved.error.contains(u"newer Tokenbench"_s));
    QCOMPARE(tree(dir.path()), before);
}

void TestWorkspaceStore::olderVersionIsMigrated()
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"collections/old"_s));
    writeFile(dir.filePath(u"tokenbench.json"_s), "{\"formatVersion\": 1, \"name\": \"Old\", \"id\": \"w1\"}");
    writeFile(dir.filePath(u"collections/old/collection.json"_s), "{\"name\": \"Old\", \"order\": [\"get\"]}");
    writeFile(dir.filePath(u"collections/old/get.request.json"_s),
              "{\"name\": \"Get\", \"method\": \"GET\", \"url\": \"http://x/\", "
              "\"params\": {\"a\": \"1\"}, \"headers\": {\"Accept\": \"text/plain\"}}");
    WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.workspace.formatVersion, 1);
    const RequestSpec& r = loaded.workspace.collections.at(0).items.at(0).request;
    QCOMPARE(r.queryParams, (QList<KeyValueRow>{{u"a"_s, u"1"_s, true}}));
    QCOMPARE(r.headers, (QList<KeyValueRow>{{u"Accept"_s, u"text/plain"_s, true}}));
    QVERIFY(WorkspaceStore::save(dir.path(), loaded.workspace).ok());
    QVERIFY(readAll(dir.filePath(u"tokenbench.json"_s)).contains("\"formatVersion\": 2"));
    const QByteArray request = readAll(dir.filePath(u"collections/old/get.request.json"_s));
    QVERIFY(request.contains("\"query\": [\n    {\n      \"name\": \"a\""));
    QVERIFY(!request.contains("params"));
    QCOMPARE(WorkspaceStore::load(dir.path()).workspace.collections.at(0).items.at(0).request, r);
}

void TestWorkspaceStore::orderIsKeptAndUnlistedFilesAppear()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    std::reverse(ws.collections.at(0).items.begin(), ws.collections.at(0).items.end());
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    // Someone adds a request by hand (or a merge brings one) without touching the order.
    writeFile(dir.filePath(u"collections/users-api/aaa-added.request.json"_s),
              "{\"name\": \"Added\", \"method\": \"GET\", \"url\": \"http://x/\"}");
    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    const auto& items = loaded.workspace.collections.at(0).items;
    QStringList names;
    for (const CollectionItem& item : items) {
        names << item.name;
    }
    QCOMPARE(names, (QStringList{u"Binary"_s, u"With API key"_s, u"Admin"_s, u"List users"_s, u"Added"_s}));
}

void TestWorkspaceStore::removedItemsLoseTheirFiles()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    auto& items = ws.collections.at(0).items;
    items.erase(items.begin() + 1); // the Admin folder
    items.erase(items.begin());     // List users
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir.path(), ws);
    QVERIFY(saved.ok());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"collections/users-api/list-users.request.json"_s)));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"collections/users-api/admin"_s)));
    QCOMPARE(saved.removed.size(), 5);
    QCOMPARE(WorkspaceStore::load(dir.path()).workspace.collections.at(0).items.size(), 2u);

    ws.collections.clear();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"collections/users-api"_s)));
}

void TestWorkspaceStore::brokenFilesAreNeverDeleted()
{
    QTemporaryDir dir;
    Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const QString conflicted = dir.filePath(u"collections/users-api/binary.request.json"_s);
    writeFile(conflicted, "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n");
    Workspace loaded = WorkspaceStore::load(dir.path()).workspace;
    QVERIFY(WorkspaceStore::save(dir.path(), loaded).ok());
    QVERIFY(readAll(conflicted).startsWith("<<<<<<<"));
}

void TestWorkspaceStore::jsonFileFormat()
{
    const QJsonObject object{{u"zeta"_s, 1},
                             {u"name"_s, u"x"_s},
                             {u"alpha"_s, QJsonArray{}},
                             {u"nested"_s, QJsonObject{{u"b"_s, 1.5}, {u"a"_s, true}}},
                             {u"text"_s, u"line\n\"quoted\"\t\u00e9\u0001"_s}};
    QCOMPARE(
        JsonFile::serialize(object),
        QByteArray("{\n  \"name\": \"x\",\n  \"text\": \"line\\n\\\"quoted\\\"\\t\xc3\xa9\\u0001\",\n"
                   "  \"alpha\": [],\n  \"nested\": {\n    \"a\": true,\n    \"b\": 1.5\n  },\n  \"zeta\": 1\n}\n"));
    QCOMPARE(JsonFile::parse(JsonFile::serialize(object), {}).document.object(), object);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/f.json"_s);
    QCOMPARE(JsonFile::writeIfChanged(path, "{}\n").outcome, JsonFile::WriteOutcome::Written);
    QCOMPARE(JsonFile::writeIfChanged(path, "{}\n").outcome, JsonFile::WriteOutcome::Unchanged);
    QCOMPARE(JsonFile::writeIfChanged(path, "{ }\n").outcome, JsonFile::WriteOutcome::Written);
    QCOMPARE(QDir(dir.filePath(u"sub"_s)).entryList(QDir::Files | QDir::Hidden), QStringList{u"f.json"_s});
}

QTEST_GUILESS_MAIN(TestWorkspaceStore)
#include "TestWorkspaceStore.moc"
