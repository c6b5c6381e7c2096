#include "app/interop/PostmanFixtures.h"
#include "interop/CurlImporter.h"
#include "interop/PostmanImporter.h"
#include "support/TestHttpServer.h"
#include "support/TestPaths.h"
#include "workspace/WorkspaceStore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs tokenbench-cli to completion, its secrets in memory.
Run cli(const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TOKENBENCH_EPHEMERAL_SECRETS"_s, u"1"_s);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(test::binaryDir() + u"/app/cli/tokenbench-cli"_s, args);
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!finished.wait(60'000)) {
        process.kill();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestImportExportCommands : public QObject
{
    Q_OBJECT

private slots:
    void curlImportAndExport();
    void curlFromStdin();
    void postmanImportAndExport();
    void sendsASavedRequest();
    void usageErrors();
};

void TestImportExportCommands::curlImportAndExport()
{
    QTemporaryDir dir;
    const QString command = u"curl -X POST -H 'Accept: application/json' -u 'svc:cli-secret-pw' "
                            "--http2 -d grant_type=client_credentials https://auth.example.com/o/token/"_s;
    const Run imported = cli({u"import"_s, u"curl"_s, u"-w"_s, dir.path(), u"--folder"_s, u"Auth"_s, command});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(u"imported/auth/post-o-token"_s), qPrintable(imported.out));
    QVERIFY2(imported.err.contains(u"--http2"_s), qPrintable(imported.err)); // listed, not dropped silently
    QVERIFY(!test::allFileBytes(dir.path()).contains("cli-secret-pw"));

    const Run exported = cli({u"export"_s, u"curl"_s, u"-w"_s, dir.path(), u"imported/auth/post-o-token"_s});
    QCOMPARE(exported.exitCode, 0);
    QVERIFY2(exported.out.contains(u"-u \"svc:${svc_password}\""_s), qPrintable(exported.out));
    QVERIFY(!exported.out.contains(u"cli-secret-pw"_s));
    const CurlImporter::Result back = CurlImporter::fromCommand(exported.out);
    QVERIFY(back.ok());
    QCOMPARE(back.request.url, u"https://auth.example.com/o/token/"_s);
    QCOMPARE(back.request.auth.password, u"{{svc_password}}"_s);
    QCOMPARE(back.request.body.formRows.size(), 1);
}

void TestImportExportCommands::curlFromStdin()
{
    QTemporaryDir dir;
    const Run imported = cli({u"import"_s, u"curl"_s, u"-w"_s, dir.path(), u"--name"_s, u"Health"_s, u"-"_s},
                             "curl 'https://api.example.com/health' \\\n  -H 'accept: */*'\n");
    QCOMPARE(imported.exitCode, 0);
    const Run exported = cli({u"export"_s, u"curl"_s, u"-w"_s, dir.path(), u"--single-line"_s, u"Imported/Health"_s});
    QCOMPARE(exported.out, u"curl https://api.example.com/health -H 'accept: */*'\n"_s);
}

void TestImportExportCommands::postmanImportAndExport()
{
    QTemporaryDir dir;
    const QString fixtures = test::sourceDir() + u"/tests/app/interop/data/postman/"_s;
    const Run imported =
        cli({u"import"_s, u"postman"_s, u"-w"_s, dir.path(), fixtures + u"auth.postman_collection.json"_s});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY(imported.err.contains(u"is not run"_s));
    QVERIFY(!test::allFileBytes(dir.path()).contains("pm-client-secret-123"));
    const Run env =
        cli({u"import"_s, u"postman-env"_s, u"-w"_s, dir.path(), fixtures + u"local.postman_environment.json"_s});
    QCOMPARE(env.exitCode, 0);

    const QString out = dir.filePath(u"out.postman_collection.json"_s);
    const Run exported = cli({u"export"_s, u"postman"_s, u"-w"_s, dir.path(), u"-o"_s, out, u"Auth kinds"_s});
    QCOMPARE(exported.exitCode, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(!json.contains("pm-client-secret-123"));
    const PostmanImporter::Result again = PostmanImporter::importCollection(json);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(again.collection.name, u"Auth kinds"_s);
    QCOMPARE(again.profiles.size(), 3);
}

// send --workspace: the environment's variables, the folder's variables and the collection's auth, inherited.
void TestImportExportCommands::sendsASavedRequest()
{
    test::TestHttpServer server;
    QVERIFY(server.isListening());
    QTemporaryDir dir;
    Workspace ws;
    ws.name = u"W"_s;
    ws.defaultEnvironment = u"local"_s;
    ws.environments << Environment{
        u"local"_s, {}, {Variable{u"base_url"_s, server.urlString(QString()), false, {}, true, {}}}};
    ws.environments << Environment{
        u"other"_s, {}, {Variable{u"base_url"_s, u"http://127.0.0.1:1"_s, false, {}, true, {}}}};
    Collection c;
    c.name = u"API"_s;
    c.auth.kind = AuthSpec::Kind::ApiKey;
    c.auth.apiKeyName = u"X-Key"_s;
    c.auth.apiKeyValue = u"{{key_part}}-{{who}}"_s;
    c.variables = {Variable{u"key_part"_s, u"k1"_s, false, {}, true, {}}};
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.name = u"Echo"_s;
    folder.variables = {Variable{u"who"_s, u"folder"_s, false, {}, true, {}}};
    CollectionItem echo;
    echo.name = u"Post it"_s;
    echo.request.method = u"POST"_s;
    echo.request.url = u"{{base_url}}/echo/{{who}}"_s;
    echo.request.body.kind = RequestBody::Kind::Raw;
    echo.request.body.contentType = u"text/plain"_s;
    echo.request.body.text = u"hello {{who}}"_s;
    folder.children.push_back(echo);
    c.items.push_back(folder);
    ws.collections.push_back(c);
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());

    const Run sent = cli({u"send"_s, u"--workspace"_s, dir.path(), u"--var"_s, u"who=cli"_s, u"api/echo/post-it"_s});
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QCOMPARE(server.requests().size(), 1);
    const test::TestHttpServer::Request& got = server.requests().first();
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.target, QByteArray("/echo/cli")); // --var wins over the folder's variable
    QCOMPARE(got.body, QByteArray("hello cli"));
    bool keyed = false;
    for (const auto& [name, value] : got.headers) {
        keyed = keyed || (name.compare("X-Key", Qt::CaseInsensitive) == 0 && value == "k1-cli");
    }
    QVERIFY(keyed);

    const Run other =
        cli({u"send"_s, u"--workspace"_s, dir.path(), u"--environment"_s, u"other"_s, u"API/Echo/Post it"_s});
    QCOMPARE(other.exitCode, 7); // connection refused: the other environment's base_url was used
    QCOMPARE(cli({u"send"_s, u"--workspace"_s, dir.path(), u"api/nope"_s}).exitCode, 2);
}

void TestImportExportCommands::usageErrors()
{
    QTemporaryDir dir;
    QCOMPARE(cli({u"import"_s}).exitCode, 2);
    QCOMPARE(cli({u"import"_s, u"har"_s, u"x"_s}).exitCode, 2);
    QCOMPARE(cli({u"import"_s, u"postman"_s, u"-w"_s, dir.path(), dir.filePath(u"missing.json"_s)}).exitCode, 26);
    QCOMPARE(cli({u"export"_s, u"curl"_s, u"-w"_s, dir.path(), u"a/b"_s}).exitCode, 1); // not a workspace
    const Run help = cli({u"import"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"postman-env"_s));
    const Run failed = cli({u"import"_s, u"curl"_s, u"-w"_s, dir.path(), u"wget https://x.example/"_s});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY(failed.err.startsWith(u"tokenbench-cli: "_s));
}

QTEST_GUILESS_MAIN(TestImportExportCommands)
#include "TestImportExportCommands.moc"
