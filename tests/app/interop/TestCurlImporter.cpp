#include "interop/CurlExporter.h"
#include "interop/CurlImporter.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using tb::AuthSpec;
using tb::CurlExporter;
using tb::CurlImporter;
using tb::KeyValueRow;
using tb::MultipartRow;
using tb::RequestBody;
using tb::RequestSpec;

namespace {

QString corpusDir()
{
    return tb::test::sourceDir() + u"/tests/app/interop/data/curl"_s;
}

QString readCorpus(const QString& name)
{
    QFile file(QDir(corpusDir()).filePath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read corpus file %s", qPrintable(name));
    }
    return QString::fromUtf8(file.readAll());
}

CurlImporter::Result importFile(const QString& name)
{
    CurlImporter::Result result = CurlImporter::fromCommand(readCorpus(name));
    if (!result.ok()) {
        qWarning("%s: %s", qPrintable(name), qPrintable(result.error));
    }
    return result;
}

QString header(const RequestSpec& r, QStringView name)
{
    for (const KeyValueRow& row : r.headers) {
        if (row.name.compare(name, Qt::CaseInsensitive) == 0) {
            return row.value;
        }
    }
    return {};
}

bool notesMention(const QStringList& notes, const QString& text)
{
    for (const QString& note : notes) {
        if (note.contains(text)) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestCurlImporter : public QObject
{
    Q_OBJECT

private slots:
    void corpusRoundTrips_data();
    void corpusRoundTrips();
    void chromeJsonPost();
    void ansiCBody();
    void formBecomesRows();
    void multipartForm();
    void basicAndBearerAuth();
    void getMovesDataToQuery();
    void optionsAndMethods();
    void unmappableFlagsAreListed();
    void shellVariablesBecomeVariables();
    void exportWritesSecretsAsShellVariables();
    void exportRevealsWhenAsked();
    void rejectsNonCurl();
};

void TestCurlImporter::corpusRoundTrips_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(corpusDir()).entryList({u"*.sh"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, "the corpus has at least 40 real-world commands");
    for (const QString& file : files) {
        QTest::newRow(qPrintable(file)) << file;
    }
}

// curl -> model -> curl -> model gives the same model, for every command of the corpus.
void TestCurlImporter::corpusRoundTrips()
{
    QFETCH(QString, file);
    const CurlImporter::Result first = importFile(file);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(!first.request.url.isEmpty());
    const QString exported = CurlExporter::toCommand(first.request);
    const CurlImporter::Result second = CurlImporter::fromCommand(exported);
    QVERIFY2(second.ok(), qPrintable(second.error + u"\n"_s + exported));
    if (second.request != first.request) {
        qWarning().noquote() << "exported:\n" << exported;
    }
    QCOMPARE(second.request.method, first.request.method);
    QCOMPARE(second.request.url, first.request.url);
    QCOMPARE(second.request.headers, first.request.headers);
    QCOMPARE(second.request.body, first.request.body);
    QCOMPARE(second.request.auth, first.request.auth);
    QVERIFY(second.request == first.request);
    // The single-line form is the same command.
    QVERIFY(CurlImporter::fromCommand(CurlExporter::toCommand(first.request, {false, {}, {}})).request ==
            first.request);
}

void TestCurlImporter::chromeJsonPost()
{
    const CurlImporter::Result r = importFile(u"02-chrome-post-json.sh"_s);
    QCOMPARE(r.request.method, u"POST"_s);
    QCOMPARE(r.request.url, u"https://app.example.com/api/v2/projects"_s);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(r.request.body.contentType, u"application/json"_s);
    QCOMPARE(r.request.body.text,
             u"{\"name\":\"Tokenbench\",\"visibility\":\"private\",\"tags\":[\"qt\",\"oauth\"]}"_s);
    QVERIFY(header(r.request, u"content-type").isEmpty()); // moved into the body's content type
    QCOMPARE(header(r.request, u"cookie"), u"sessionid=8f2b1c0e9d7a6b5c4d3e2f1a; csrftoken=Zx9Yw8Vu7Ts6Rq5Po4"_s);
    QCOMPARE(r.request.headers.size(), 5);
    QCOMPARE(r.request.options.maxRedirects, 0); // curl follows no redirect without -L
}

void TestCurlImporter::ansiCBody()
{
    const CurlImporter::Result r = importFile(u"03-chrome-ansi-c-body.sh"_s);
    QCOMPARE(r.request.auth.kind, AuthSpec::Kind::Bearer);
    QCOMPARE(r.request.auth.token, u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl"_s);
    QVERIFY(r.request.body.text.contains(u"caf\u00e9 'latte'"_s));
    QVERIFY(r.request.body.text.contains(u"String!) {\\n  search"_s));
    QVERIFY(r.notes.isEmpty()); // --compressed is what Tokenbench does anyway
}

void TestCurlImporter::formBecomesRows()
{
    const CurlImporter::Result login = importFile(u"04-chrome-form-post.sh"_s);
    QCOMPARE(login.request.body.kind, RequestBody::Kind::UrlEncoded);
    QCOMPARE(login.request.body.formRows.size(), 4);
    QCOMPARE(login.request.body.formRows.at(1), (KeyValueRow{u"username"_s, u"alice@example.com"_s, true}));
    QCOMPARE(login.request.body.formRows.at(3), (KeyValueRow{u"next"_s, u"/dashboard/"_s, true}));

    // "scope=read write" has a raw space: not a well-formed form, so kept byte for byte.
    const CurlImporter::Result grant = importFile(u"17-oauth-client-credentials.sh"_s);
    QCOMPARE(grant.request.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(grant.request.body.text,
             u"grant_type=client_credentials&client_id=my-service&client_secret=Kq8zR2pW5tY7uI9o&scope=read write"_s);

    const CurlImporter::Result refresh = importFile(u"18-oauth-refresh.sh"_s);
    QCOMPARE(refresh.request.body.kind, RequestBody::Kind::UrlEncoded);
    QCOMPARE(refresh.request.body.formRows.size(), 4);

    const CurlImporter::Result twilio = importFile(u"14-twilio-send-sms.sh"_s);
    QCOMPARE(twilio.request.body.kind, RequestBody::Kind::UrlEncoded);
    QCOMPARE(twilio.request.body.formRows.at(0), (KeyValueRow{u"Body"_s, u"Hi there"_s, true}));
    QCOMPARE(twilio.request.body.formRows.at(1), (KeyValueRow{u"From"_s, u"+15557122661"_s, true}));

    const CurlImporter::Result stripe = importFile(u"11-stripe-create-customer.sh"_s);
    QCOMPARE(stripe.request.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(stripe.request.body.text, u"name=Jenny Rosen&email=jenny.rosen%40example.com&metadata[order_id]=6735"_s);
    QCOMPARE(stripe.request.body.contentType, u"application/x-www-form-urlencoded"_s);
}

void TestCurlImporter::multipartForm()
{
    const CurlImporter::Result r = importFile(u"20-form-upload.sh"_s);
    QCOMPARE(r.request.method, u"POST"_s);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::Multipart);
    QCOMPARE(r.request.body.parts.size(), 3);
    const MultipartRow& file = r.request.body.parts.at(0);
    QCOMPARE(file.kind, MultipartRow::Kind::File);
    QCOMPARE(file.value, u"/home/user/report.pdf"_s);
    QCOMPARE(file.contentType, u"application/pdf"_s);
    QCOMPARE(r.request.body.parts.at(1).value, u"Q3 report"_s);

    const CurlImporter::Result quoted = importFile(u"21-form-string-and-quoted-file.sh"_s);
    QCOMPARE(quoted.request.body.parts.at(0).kind, MultipartRow::Kind::Text);
    QCOMPARE(quoted.request.body.parts.at(0).value, u"@not-a-file"_s);
    QCOMPARE(quoted.request.body.parts.at(1).value, u"my;file.txt"_s);
}

void TestCurlImporter::basicAndBearerAuth()
{
    const CurlImporter::Result header = importFile(u"36-basic-header.sh"_s);
    QCOMPARE(header.request.auth.kind, AuthSpec::Kind::Basic);
    QCOMPARE(header.request.auth.username, u"aladdin"_s);
    QCOMPARE(header.request.auth.password, u"opensesame"_s);
    QVERIFY(header.request.headers.isEmpty());

    const CurlImporter::Result user = importFile(u"16-oauth-password-grant.sh"_s);
    QCOMPARE(user.request.auth.kind, AuthSpec::Kind::Basic);
    QCOMPARE(user.request.auth.username, u"<client_id>"_s);
    QCOMPARE(user.request.auth.password, u"<client_secret>"_s);

    const CurlImporter::Result stripe = importFile(u"12-stripe-list-charges.sh"_s);
    QCOMPARE(stripe.request.auth.password, QString());

    const CurlImporter::Result bearer = importFile(u"35-oauth2-bearer-flag.sh"_s);
    QCOMPARE(bearer.request.auth.kind, AuthSpec::Kind::Bearer);
    QCOMPARE(bearer.request.auth.token, u"mF_9.B5f-4.1JqM"_s);
}

void TestCurlImporter::getMovesDataToQuery()
{
    const CurlImporter::Result r = importFile(u"28-get-with-data-urlencode.sh"_s);
    QCOMPARE(r.request.method, u"GET"_s);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::None);
    QCOMPARE(r.request.queryParams,
             (QList<KeyValueRow>{{u"q"_s, u"hello world & friends"_s, true}, {u"lang"_s, u"en"_s, true}}));

    const CurlImporter::Result q = importFile(u"37-url-flag-and-query.sh"_s);
    QCOMPARE(q.request.url, u"https://api.example.com/v1/users"_s);
    QCOMPARE(q.request.queryParams.size(), 2);
    QCOMPARE(q.request.queryParams.at(0).value, u"active users"_s);
}

void TestCurlImporter::optionsAndMethods()
{
    QCOMPARE(importFile(u"24-head-request.sh"_s).request.method, u"HEAD"_s);
    const RequestSpec follow = importFile(u"25-insecure-follow.sh"_s).request;
    QVERIFY(follow.options.ignoreTlsErrors);
    QCOMPARE(follow.options.maxRedirects, 5);
    QCOMPARE(importFile(u"09-github-create-issue.sh"_s).request.options.maxRedirects, 50);

    const CurlImporter::Result patch = importFile(u"26-clustered-flags.sh"_s);
    QCOMPARE(patch.request.method, u"PATCH"_s);
    QCOMPARE(patch.request.body.text, u"{\"enabled\":false}"_s);
    QCOMPARE(patch.request.options.maxRedirects, 50);

    const RequestSpec timed = importFile(u"30-timeouts-proxy.sh"_s).request;
    QCOMPARE(timed.options.connectTimeoutMs, 3000);
    QCOMPARE(timed.options.totalTimeoutMs, 20500);
    QCOMPARE(timed.options.proxy.url, u"http://proxy.internal:3128"_s);

    const RequestSpec put = importFile(u"22-put-upload-file.sh"_s).request;
    QCOMPARE(put.method, u"PUT"_s);
    QCOMPARE(put.body.kind, RequestBody::Kind::Binary);
    QCOMPARE(put.body.filePath, u"./backup.tar.gz"_s);
    QCOMPARE(put.body.contentType, u"application/gzip"_s);

    const RequestSpec ua = importFile(u"27-user-agent-referer-cookie.sh"_s).request;
    QCOMPARE(header(ua, u"User-Agent"), u"tokenbench-test/1.0"_s);
    QCOMPARE(header(ua, u"Referer"), u"https://www.example.com/start"_s);
    QCOMPARE(header(ua, u"Cookie"), u"theme=dark; lang=en; tz=UTC"_s);

    const RequestSpec json = importFile(u"29-json-flag.sh"_s).request;
    QCOMPARE(json.method, u"POST"_s);
    QCOMPARE(json.body.contentType, u"application/json"_s);
    QCOMPARE(header(json, u"Accept"), u"application/json"_s);

    const RequestSpec es = importFile(u"40-elasticsearch-bulk.sh"_s).request;
    QCOMPARE(es.url, u"http://localhost:9200/_bulk"_s);
    QCOMPARE(es.body.filePath, u"requests.ndjson"_s);
    QCOMPARE(es.body.contentType, u"application/x-ndjson"_s);

    const RequestSpec escapes = importFile(u"32-double-quote-escapes.sh"_s).request;
    QCOMPARE(header(escapes, u"X-Note"), u"say \"hi\" to $HOME and \\o/"_s);
    QCOMPARE(escapes.body.text, u"{\"price\": \"$5\"}"_s);
}

void TestCurlImporter::unmappableFlagsAreListed()
{
    const CurlImporter::Result r = importFile(u"34-unmapped-flags.sh"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.request.url, u"https://api.example.com/v1/status"_s);
    for (const QString& flag :
         {u"--http2"_s, u"--retry 3"_s, u"--cacert ./ca.pem"_s, u"--resolve"_s, u"-o"_s, u"-w"_s}) {
        QVERIFY2(notesMention(r.notes, flag), qPrintable(flag + u" in "_s + r.notes.join(u"; "_s)));
    }
    const CurlImporter::Result unknown = CurlImporter::fromCommand(u"curl --frobnicate -Z https://x.example/"_s);
    QVERIFY(notesMention(unknown.notes, u"--frobnicate"_s));
    QVERIFY(notesMention(unknown.notes, u"-Z"_s));
    QVERIFY(notesMention(importFile(u"40-elasticsearch-bulk.sh"_s).notes, u"echo"_s));
}

void TestCurlImporter::shellVariablesBecomeVariables()
{
    const CurlImporter::Result r = importFile(u"14-twilio-send-sms.sh"_s);
    QCOMPARE(r.request.url, u"https://api.twilio.com/2010-04-01/Accounts/{{TWILIO_ACCOUNT_SID}}/Messages.json"_s);
    QCOMPARE(r.request.auth.username, u"{{TWILIO_ACCOUNT_SID}}"_s);
    QCOMPARE(r.request.auth.password, u"{{TWILIO_AUTH_TOKEN}}"_s);
    QVERIFY(notesMention(r.notes, u"$TWILIO_AUTH_TOKEN"_s));
    QCOMPARE(importFile(u"39-kubernetes-api.sh"_s).request.url, u"{{APISERVER}}/api/v1/namespaces/default/pods"_s);
}

void TestCurlImporter::exportWritesSecretsAsShellVariables()
{
    RequestSpec r;
    r.method = u"POST"_s;
    r.url = u"{{base_url}}/o/token/"_s;
    r.auth.kind = AuthSpec::Kind::Bearer;
    r.auth.token = u"{{access-token}}"_s;
    r.body.kind = RequestBody::Kind::UrlEncoded;
    r.body.formRows = {{u"grant_type"_s, u"password"_s, true}, {u"password"_s, u"{{password}}"_s, true}};
    CurlExporter::Options options;
    options.value = [](const QString& name) -> std::optional<QString> {
        if (name == u"base_url") {
            return u"http://127.0.0.1:8000"_s;
        }
        return std::nullopt; // secrets stay in the shell
    };
    options.multiline = false;
    const QString command = CurlExporter::toCommand(r, options);
    QVERIFY2(command.contains(u"-H \"Authorization: Bearer ${access_token}\""_s), qPrintable(command));
    QVERIFY2(command.contains(u"--data-urlencode \"password=${password}\""_s), qPrintable(command));
    QVERIFY2(command.startsWith(u"curl http://127.0.0.1:8000/o/token/"_s), qPrintable(command));
    // Read back, the shell variables are variables again.
    const CurlImporter::Result back = CurlImporter::fromCommand(command);
    QCOMPARE(back.request.auth.token, u"{{access_token}}"_s);
    QCOMPARE(back.request.body.formRows.at(1).value, u"{{password}}"_s);
}

void TestCurlImporter::exportRevealsWhenAsked()
{
    RequestSpec r;
    r.url = u"https://x.example/"_s;
    r.auth.kind = AuthSpec::Kind::Basic;
    r.auth.username = u"me"_s;
    r.auth.password = u"{{pw}}"_s;
    CurlExporter::Options options;
    options.value = [](const QString&) -> std::optional<QString> { return u"it's secret"_s; };
    const QString command = CurlExporter::toCommand(r, options);
    QVERIFY2(command.contains(u"-u 'me:it'\\''s secret'"_s), qPrintable(command));
    QCOMPARE(CurlImporter::fromCommand(command).request.auth.password, u"it's secret"_s);
}

void TestCurlImporter::rejectsNonCurl()
{
    QVERIFY(!CurlImporter::fromCommand(u"wget https://example.com"_s).ok());
    QVERIFY(!CurlImporter::fromCommand(u"curl -s"_s).ok());
    QVERIFY(!CurlImporter::fromCommand(u"curl -X 'BAD METHOD' https://x.example"_s).ok());
}

QTEST_GUILESS_MAIN(TestCurlImporter)
#include "TestCurlImporter.moc"
