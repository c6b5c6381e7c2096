#include "PostmanFixtures.h"
#include "interop/PostmanExporter.h"
#include "interop/PostmanImporter.h"
#include "workspace/WorkspaceStore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

const CollectionItem& at(const std::vector<CollectionItem>& items, const QString& name)
{
    for (const CollectionItem& item : items) {
        if (item.name == name) {
            return item;
        }
    }
    qFatal("no item %s", qPrintable(name));
}

PostmanImporter::Result importFixture(const QString& name)
{
    return PostmanImporter::importCollection(test::readPostman(name));
}

PostmanExporter::Options exportOptions(const QList<OAuthProfile>& profiles)
{
    PostmanExporter::Options options;
    options.profile = [profiles](const QString& name) -> std::optional<OAuthProfile> {
        for (const OAuthProfile& p : profiles) {
            if (p.name == name) {
                return p;
            }
        }
        return std::nullopt;
    };
    return options;
}

// Slugs (file names) and secret references (SecretStore keys) belong to a workspace; a Postman file has neither.
std::vector<CollectionItem> withoutSlugs(std::vector<CollectionItem> items)
{
    for (CollectionItem& item : items) {
        item.slug.clear();
        for (Variable& v : item.variables) {
            v.ref.clear();
        }
        item.children = withoutSlugs(item.children);
    }
    return items;
}

bool mentions(const QStringList& notes, const QString& text)
{
    return std::any_of(notes.begin(), notes.end(), [&](const QString& n) { return n.contains(text); });
}

} // namespace

class TestPostmanImporter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips_data();
    void roundTrips();
    void roundTripsThroughWorkspaceFiles_data() { roundTrips_data(); }
    void roundTripsThroughWorkspaceFiles();
    void everyBodyMode();
    void everyAuthKind();
    void oauth2BlocksBecomeProfiles();
    void scriptsAreKeptAndReported();
    void nestedFoldersQueryAndBehaviour();
    void environment();
    void rejectsWhatIsNotACollection();
};

void TestPostmanImporter::roundTrips_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : test::postmanCollections()) {
        QTest::newRow(qPrintable(file)) << file;
    }
}

// Import, export and import again gives the same model.
void TestPostmanImporter::roundTrips()
{
    QFETCH(QString, file);
    const PostmanImporter::Result first = importFixture(file);
    QVERIFY2(first.ok(), qPrintable(first.error));
    PostmanExporter::Options options = exportOptions(first.profiles);
    // Secret values are exported only when revealed; here they are, to compare everything.
    options.revealSecret = [](const Variable& v) -> std::optional<QString> { return v.value; };
    const QJsonObject exported = PostmanExporter::exportCollection(first.collection, options);
    const PostmanImporter::Result second =
        PostmanImporter::importCollection(QJsonDocument(exported).toJson(QJsonDocument::Compact));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.collection.items.size(), first.collection.items.size());
    for (size_t i = 0; i < first.collection.items.size(); ++i) {
        QCOMPARE(second.collection.items.at(i).request, first.collection.items.at(i).request);
        QCOMPARE(second.collection.items.at(i).children, first.collection.items.at(i).children);
        QCOMPARE(second.collection.items.at(i), first.collection.items.at(i));
    }
    QCOMPARE(second.collection.variables, first.collection.variables);
    QCOMPARE(second.collection, first.collection);
    QCOMPARE(second.profiles, first.profiles);
}

// Postman -> workspace files -> model -> Postman -> model.
void TestPostmanImporter::roundTripsThroughWorkspaceFiles()
{
    QFETCH(QString, file);
    const PostmanImporter::Result imported = importFixture(file);
    Workspace ws;
    ws.name = u"W"_s;
    ws.collections.push_back(imported.collection);
    for (const OAuthProfile& p : imported.profiles) {
        ws.authProfiles << AuthProfileFile{p.name, {}, p.toJson()};
    }
    QTemporaryDir dir;
    QVERIFY(WorkspaceStore::save(dir.path(), ws).ok());
    const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok());
    QVERIFY(loaded.issues.isEmpty());
    QCOMPARE(loaded.workspace, ws);

    QList<OAuthProfile> profiles;
    for (const AuthProfileFile& f : loaded.workspace.authProfiles) {
        profiles << *OAuthProfile::fromJson(f.json);
    }
    QCOMPARE(profiles, imported.profiles);
    const Collection& c = loaded.workspace.collections.at(0);
    const PostmanImporter::Result again = PostmanImporter::importCollection(
        QJsonDocument(PostmanExporter::exportCollection(c, exportOptions(profiles))).toJson());
    QCOMPARE(again.collection.items, withoutSlugs(c.items));
    QCOMPARE(again.collection.auth, c.auth);
    QCOMPARE(again.profiles, profiles);
}

void TestPostmanImporter::everyBodyMode()
{
    const PostmanImporter::Result r = importFixture(u"bodies.postman_collection.json"_s);
    QVERIFY(r.ok());
    const auto& items = r.collection.items;
    QCOMPARE(r.collection.name, u"Body modes"_s);
    QCOMPARE(r.collection.description, u"One request per body mode."_s);

    const RequestSpec& json = at(items, u"Raw JSON"_s).request;
    QCOMPARE(json.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(json.body.contentType, u"application/json"_s);
    QVERIFY(json.body.text.contains(u"\"count\": 3"_s));
    QCOMPARE(json.headers, (QList<KeyValueRow>{{u"X-Request-Id"_s, u"{{$guid}}"_s, true}}));
    QCOMPARE(json.url, u"{{base_url}}/things"_s);
    QCOMPARE(json.queryParams, (QList<KeyValueRow>{{u"dry_run"_s, u"true"_s, true}, {u"trace"_s, u"1"_s, false}}));

    QCOMPARE(at(items, u"Raw XML without header"_s).request.body.contentType, u"application/xml"_s);
    QCOMPARE(at(items, u"Raw text"_s).request.body.contentType, u"text/plain"_s);
    QCOMPARE(at(items, u"Raw text"_s).request.url, u"http://localhost:8080/echo"_s);

    const RequestBody& form = at(items, u"Form urlencoded"_s).request.body;
    QCOMPARE(form.kind, RequestBody::Kind::UrlEncoded);
    QCOMPARE(form.formRows.size(), 3);
    QCOMPARE(form.formRows.at(1).value, u"read write"_s);
    QVERIFY(!form.formRows.at(2).enabled);

    const RequestBody& multipart = at(items, u"Multipart"_s).request.body;
    QCOMPARE(multipart.kind, RequestBody::Kind::Multipart);
    QCOMPARE(multipart.parts.size(), 5);
    QCOMPARE(multipart.parts.at(1).contentType, u"application/json"_s);
    QCOMPARE(multipart.parts.at(2).kind, MultipartRow::Kind::File);
    QCOMPARE(multipart.parts.at(2).value, u"/tmp/report.pdf"_s);
    QCOMPARE(multipart.parts.at(3).value, u"/tmp/a.txt"_s);
    QVERIFY(mentions(r.notes, u"several files"_s));
    QVERIFY(!multipart.parts.at(4).enabled);

    const RequestSpec& binary = at(items, u"Binary file"_s).request;
    QCOMPARE(binary.body.kind, RequestBody::Kind::Binary);
    QCOMPARE(binary.body.filePath, u"/tmp/blob.bin"_s);
    QCOMPARE(binary.body.contentType, u"application/octet-stream"_s);
    QVERIFY(binary.headers.isEmpty());

    const RequestBody& graphql = at(items, u"GraphQL"_s).request.body;
    QCOMPARE(graphql.kind, RequestBody::Kind::Raw);
    QCOMPARE(graphql.contentType, u"application/json"_s);
    const QJsonObject payload = QJsonDocument::fromJson(graphql.text.toUtf8()).object();
    QCOMPARE(payload.value(u"query").toString(), u"query { viewer { login } }"_s);
    QCOMPARE(payload.value(u"variables").toObject().value(u"first").toInt(), 10);

    QCOMPARE(at(items, u"No body"_s).request.body.kind, RequestBody::Kind::None);
    QCOMPARE(at(items, u"No body"_s).request.method, u"DELETE"_s);
    QCOMPARE(at(items, u"Bare URL request"_s).request.url, u"https://example.com/ping"_s);
}

void TestPostmanImporter::everyAuthKind()
{
    const PostmanImporter::Result r = importFixture(u"auth.postman_collection.json"_s);
    QVERIFY(r.ok());
    const Collection& c = r.collection;
    QCOMPARE(c.description, u"Every auth type, inherited at each level."_s);
    QCOMPARE(c.auth.kind, AuthSpec::Kind::OAuth2);
    QCOMPARE(c.auth.oauthProfile, u"Demo password"_s);
    QCOMPARE(at(c.items, u"Inherits oauth2"_s).request.auth.kind, AuthSpec::Kind::Inherit);

    const CollectionItem& folder = at(c.items, u"Bearer folder"_s);
    QVERIFY(folder.isFolder());
    QCOMPARE(folder.description, u"Requests below use a bearer token."_s);
    QCOMPARE(folder.auth.kind, AuthSpec::Kind::Bearer);
    QCOMPARE(folder.auth.token, u"{{token}}"_s);
    QCOMPARE(folder.variables.at(0).value, u"folder-level-token-789"_s);
    QCOMPARE(at(folder.children, u"Inherits bearer"_s).request.auth.kind, AuthSpec::Kind::Inherit);
    const AuthSpec& basic = at(folder.children, u"Basic"_s).request.auth;
    QCOMPARE(basic.kind, AuthSpec::Kind::Basic);
    QCOMPARE(basic.username, u"admin"_s);
    QCOMPARE(basic.password, u"pm-admin-pw"_s);
    QCOMPARE(at(folder.children, u"No auth"_s).request.auth.kind, AuthSpec::Kind::None);

    const AuthSpec& header = at(c.items, u"API key header"_s).request.auth;
    QCOMPARE(header.kind, AuthSpec::Kind::ApiKey);
    QCOMPARE(header.apiKeyName, u"X-API-Key"_s);
    QCOMPARE(header.apiKeyLocation, AuthSpec::ApiKeyLocation::Header);
    QCOMPARE(at(c.items, u"API key query"_s).request.auth.apiKeyLocation, AuthSpec::ApiKeyLocation::Query);

    QCOMPARE(at(c.items, u"Digest (unsupported)"_s).request.auth.kind, AuthSpec::Kind::None);
    QVERIFY(mentions(r.notes, u"digest auth is not supported"_s));

    QCOMPARE(c.variables.size(), 3);
    QCOMPARE(c.variables.at(1).value, u"20"_s);
    QVERIFY(c.variables.at(2).secret);
}

void TestPostmanImporter::oauth2BlocksBecomeProfiles()
{
    const PostmanImporter::Result r = importFixture(u"auth.postman_collection.json"_s);
    QCOMPARE(r.profiles.size(), 3);
    const OAuthProfile& password = r.profiles.at(0);
    QCOMPARE(password.name, u"Demo password"_s);
    QCOMPARE(password.grantType, OAuthProfile::GrantType::Password);
    QCOMPARE(password.tokenUrl, u"{{base_url}}/o/token/"_s);
    QCOMPARE(password.clientId, u"demo-password-client"_s);
    QCOMPARE(password.clientAuth, OAuthProfile::ClientAuth::Body);
    QCOMPARE(password.username, u"alice"_s);
    QCOMPARE(password.scope, u"read write"_s);
    QCOMPARE(password.clientSecretRef, PostmanImporter::clientSecretItem());
    QCOMPARE(password.passwordRef, PostmanImporter::passwordItem());
    // The secrets go to the caller for the SecretStore, never into the profile.
    QCOMPARE(r.secrets,
             (QList<PostmanImporter::ProfileSecret>{{u"Demo password"_s, u"client_secret"_s, u"pm-client-secret-123"_s},
                                                    {u"Demo password"_s, u"password"_s, u"pm-alice-password"_s}}));
    const QByteArray profileJson = QJsonDocument(password.toJson()).toJson();
    QVERIFY(!profileJson.contains("pm-client-secret-123"));
    QVERIFY(!profileJson.contains("stale-token-value"));
    QVERIFY(mentions(r.notes, u"token stored in the oauth2 block"_s));

    const OAuthProfile& service = r.profiles.at(1);
    QCOMPARE(service.name, u"Service"_s);
    QCOMPARE(service.grantType, OAuthProfile::GrantType::ClientCredentials);
    QCOMPARE(service.tokenParams, (OAuthProfile::Params{{u"audience"_s, u"api"_s}}));
    QVERIFY(mentions(r.notes, u"{{service_secret}}"_s));

    const OAuthProfile& web = r.profiles.at(2);
    QCOMPARE(web.grantType, OAuthProfile::GrantType::AuthorizationCode);
    QCOMPARE(web.authorizeUrl, u"{{base_url}}/o/authorize/"_s);
    QCOMPARE(web.authorizeParams, (OAuthProfile::Params{{u"prompt"_s, u"consent"_s}}));
    for (const OAuthProfile& p : r.profiles) {
        QVERIFY(OAuthProfile::fromJson(p.toJson()).has_value());
    }
}

void TestPostmanImporter::scriptsAreKeptAndReported()
{
    const PostmanImporter::Result r = importFixture(u"auth.postman_collection.json"_s);
    QCOMPARE(r.collection.scripts.preRequest, u"console.log('collection pre-request');"_s);
    QCOMPARE(at(r.collection.items, u"Inherits oauth2"_s).scripts.test,
             u"pm.test(\"200\", function () {\n    pm.response.to.have.status(200);\n});"_s);
    QVERIFY(mentions(r.notes, u"Auth kinds: the pre-request script is kept as text and is not run"_s));
    QVERIFY(mentions(r.notes, u"Inherits oauth2: the test script is kept as text and is not run"_s));
}

void TestPostmanImporter::nestedFoldersQueryAndBehaviour()
{
    const PostmanImporter::Result r = importFixture(u"nested-api.postman_collection.json"_s);
    const CollectionItem& comments =
        at(at(at(r.collection.items, u"Repos"_s).children, u"Issues"_s).children, u"Comments"_s);
    const CollectionItem& list = at(comments.children, u"List comments"_s);
    QCOMPARE(list.request.url, u"https://api.github.com/repos/:owner/:repo/issues/comments"_s);
    QCOMPARE(list.request.queryParams.size(), 2);
    QCOMPARE(list.description, u"Lists comments."_s);
    QVERIFY(!list.request.headers.at(1).enabled);
    QVERIFY(mentions(r.notes, u":owner=qt"_s));
    const RequestSpec& issue =
        at(at(at(r.collection.items, u"Repos"_s).children, u"Issues"_s).children, u"Get issue"_s).request;
    QCOMPARE(issue.options.maxRedirects, 0);
    QVERIFY(issue.options.ignoreTlsErrors);
    QCOMPARE(at(at(r.collection.items, u"Repos"_s).children, u"Custom verb"_s).request.method, u"PURGE"_s);
    QCOMPARE(at(r.collection.items, u"Top-level"_s).request.method, u"OPTIONS"_s);
}

void TestPostmanImporter::environment()
{
    const PostmanImporter::EnvironmentResult r =
        PostmanImporter::importEnvironment(test::readPostman(u"local.postman_environment.json"_s));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.environment.name, u"Local dev"_s);
    QCOMPARE(r.environment.variables.size(), 3);
    QCOMPARE(r.environment.variables.at(0).value, u"http://127.0.0.1:8000"_s);
    QVERIFY(r.environment.variables.at(1).secret);
    QVERIFY(!r.environment.variables.at(2).enabled);
    QVERIFY(!PostmanImporter::importEnvironment("{\"name\": \"x\"}").ok());
}

void TestPostmanImporter::rejectsWhatIsNotACollection()
{
    QVERIFY(PostmanImporter::importCollection("{\"info\": ").error.contains(u"line 1"_s));
    QVERIFY(!PostmanImporter::importCollection("{\"hello\": 1}").ok());
    QVERIFY(PostmanImporter::importCollection("{\"name\": \"v1\", \"requests\": []}").error.contains(u"v1"_s));
    // The Postman API's envelope is accepted.
    QVERIFY(PostmanImporter::importCollection(
                "{\"collection\": {\"info\": {\"name\": \"x\", \"schema\": \"v2.1\"}, \"item\": []}}")
                .ok());
}

QTEST_GUILESS_MAIN(TestPostmanImporter)
#include "TestPostmanImporter.moc"
