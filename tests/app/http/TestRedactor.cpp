#include "http/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tb;

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void sensitiveNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("sensitive");
        for (const char* n : {"Authorization", "proxy-authorization", "COOKIE", "Set-Cookie", "access_token",
                              "X-Refresh-Token", "client_secret", "Password", "db_passwd", "X-Api-Key", "apikey"}) {
            QTest::newRow(n) << QString::fromLatin1(n) << true;
        }
        for (const char* n : {"Content-Type", "Accept", "user", "X-Trace", "tok", "authorizer"}) {
            QTest::newRow(n) << QString::fromLatin1(n) << false;
        }
    }
    void sensitiveNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, sensitive);
        QCOMPARE(Redactor::isSensitiveName(name), sensitive);
    }

    void headers()
    {
        Redactor r;
        const QList<HttpHeader> in = {{"Authorization", "Bearer abc.def.ghi"},
                                      {"Proxy-Authorization", "Basic dXNlcjpwYXNz"},
                                      {"Cookie", "sessionid=s3cr3t; csrftoken=zzz"},
                                      {"Set-Cookie", "sessionid=s3cr3t; Path=/; HttpOnly"},
                                      {"X-Auth-Token", "t0k3n"},
                                      {"Accept", "application/json"}};
        const QList<HttpHeader> out = r.redactHeaders(in);
        QCOMPARE(out[0].value, QByteArray("Bearer [REDACTED]"));
        QCOMPARE(out[1].value, QByteArray("Basic [REDACTED]"));
        QCOMPARE(out[2].value, QByteArray("sessionid=[REDACTED]; csrftoken=[REDACTED]"));
        QCOMPARE(out[3].value, QByteArray("sessionid=[REDACTED]; Path=/; HttpOnly"));
        QCOMPARE(out[4].value, QByteArray("[REDACTED]"));
        QCOMPARE(out[5].value, QByteArray("application/json"));
        QCOMPARE(out[0].name, QByteArray("Authorization"));
    }

    void formBody()
    {
        Redactor r;
        QCOMPARE(r.redactFormBody("grant_type=password&username=ann&password=p%40ss&client_secret=x+y"),
                 QByteArray("grant_type=password&username=ann&password=[REDACTED]&client_secret=[REDACTED]"));
        QCOMPARE(r.redactFormBody("refresh%5Ftoken=abc&scope=read"),
                 QByteArray("refresh%5Ftoken=[REDACTED]&scope=read"));
    }

    void jsonBody()
    {
        Redactor r;
        const QByteArray in =
            R"({"access_token":"abc","expires_in":3600,"nested":{"Password":"x","list":[{"secret":1}]},
                                 "token_type":"Bearer","user":"ann","id_token":null})";
        const QJsonObject out = QJsonDocument::fromJson(r.redactJsonBody(in)).object();
        QCOMPARE(out.value(QStringLiteral("access_token")).toString(), QStringLiteral("[REDACTED]"));
        QCOMPARE(out.value(QStringLiteral("expires_in")).toInt(), 3600);
        QCOMPARE(out.value(QStringLiteral("user")).toString(), QStringLiteral("ann"));
        const QJsonObject nested = out.value(QStringLiteral("nested")).toObject();
        QCOMPARE(nested.value(QStringLiteral("Password")).toString(), QStringLiteral("[REDACTED]"));
        QCOMPARE(nested.value(QStringLiteral("list")).toArray().at(0).toObject().value(QStringLiteral("secret")),
                 QJsonValue(QStringLiteral("[REDACTED]")));
        QVERIFY(out.value(QStringLiteral("id_token")).isNull());
        // token_type names a kind, but the rule is by name: masked too (harmless, and simple to predict).
        QCOMPARE(out.value(QStringLiteral("token_type")).toString(), QStringLiteral("[REDACTED]"));
        // Not JSON: unchanged unless a known secret appears.
        QCOMPARE(r.redactJsonBody("not json"), QByteArray("not json"));
    }

    void bodyByContentType()
    {
        Redactor r;
        QCOMPARE(r.redactBody("password=x", "application/x-www-form-urlencoded; charset=utf-8"),
                 QByteArray("password=[REDACTED]"));
        QCOMPARE(r.redactBody(R"({"password":"x"})", "application/problem+json"),
                 QByteArray(R"({"password":"[REDACTED]"})"));
        QCOMPARE(r.redactBody("password=x", "text/plain"), QByteArray("password=x"));
    }

    void urlQueryAndUserInfo()
    {
        Redactor r;
        const QUrl url(QStringLiteral("https://ann:hunter22@api.test/cb?code=abc&access_token=t0k&state=s#frag"));
        const QUrl out = r.redactUrl(url);
        QCOMPARE(out.password(), QStringLiteral("[REDACTED]"));
        QCOMPARE(out.userName(), QStringLiteral("ann"));
        QCOMPARE(out.query(), QStringLiteral("code=abc&access_token=[REDACTED]&state=s"));
        QCOMPARE(out.fragment(), QStringLiteral("frag"));
        QCOMPARE(r.redactUrl(QUrl(QStringLiteral("http://h/p"))), QUrl(QStringLiteral("http://h/p")));
    }

    void knownSecretsAnywhere()
    {
        Redactor r;
        r.addSecret(QStringLiteral("sk_live_123456"));
        r.addSecret(QStringLiteral("abc")); // too short to mask safely
        QCOMPARE(r.redactText(QStringLiteral("GET /keys/sk_live_123456/abc failed")),
                 QStringLiteral("GET /keys/[REDACTED]/abc failed"));
        QCOMPARE(r.redactHeaderValue("X-Trace", "id sk_live_123456"), QByteArray("id [REDACTED]"));
        QCOMPARE(r.redactUrl(QUrl(QStringLiteral("http://h/sk_live_123456"))).path(), QStringLiteral("/[REDACTED]"));
    }

    void requestAsWrittenKeepsReferences()
    {
        Redactor r;
        RequestSpec spec;
        spec.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"), true},
                        {QStringLiteral("X-Api-Key"), QStringLiteral("literal-key"), true}};
        spec.auth.kind = AuthSpec::Kind::Basic;
        spec.auth.username = QStringLiteral("ann");
        spec.auth.password = QStringLiteral("hunter22");
        spec.auth.token = QStringLiteral("{{ token }}");
        spec.body.kind = RequestBody::Kind::UrlEncoded;
        spec.body.formRows = {{QStringLiteral("client_secret"), QStringLiteral("shh"), true}};
        const RequestSpec out = r.redact(spec);
        QCOMPARE(out.headers[0].value, QStringLiteral("Bearer {{token}}"));
        QCOMPARE(out.headers[1].value, QStringLiteral("[REDACTED]"));
        QCOMPARE(out.auth.password, QStringLiteral("[REDACTED]"));
        QCOMPARE(out.auth.username, QStringLiteral("ann"));
        QCOMPARE(out.auth.token, QStringLiteral("{{ token }}"));
        QCOMPARE(out.body.formRows[0].value, QStringLiteral("[REDACTED]"));
    }

    void wholeRecord()
    {
        Redactor r;
        ResponseRecord record;
        record.headers = {{"Set-Cookie", "sid=1; Path=/"}, {"Content-Type", "application/json"}};
        record.body = R"({"refresh_token":"r1"})";
        record.request.url = QUrl(QStringLiteral("http://h/?password=p"));
        record.request.headers = {{"Authorization", "Bearer zzz"}, {"Content-Type", "application/json"}};
        record.request.body = R"({"password":"p"})";
        const ResponseRecord out = r.redact(record);
        QCOMPARE(out.headers[0].value, QByteArray("sid=[REDACTED]; Path=/"));
        QCOMPARE(out.body, QByteArray(R"({"refresh_token":"[REDACTED]"})"));
        QCOMPARE(out.request.url.query(), QStringLiteral("password=[REDACTED]"));
        QCOMPARE(out.request.headers[0].value, QByteArray("Bearer [REDACTED]"));
        QCOMPARE(out.request.body, QByteArray(R"({"password":"[REDACTED]"})"));
    }

    // A server that echoes the request (as /echo endpoints and many debugging APIs do) repeats the credentials in
    // its body; once registered from the sent request they are masked there too.
    void secretsOfTheSentRequest()
    {
        SentRequest sent;
        sent.url = QUrl(QStringLiteral("http://h/echo?access_token=query-token-value&page=2"));
        sent.headers = {{"Authorization", "Bearer header-token-value"},
                        {"Cookie", "sid=cookie-value-1; ui=ok"},
                        {"X-Trace", "trace-value"}};
        Redactor r;
        r.addSecretsOf(sent);
        const QString echo = QStringLiteral("header-token-value cookie-value-1 query-token-value trace-value ok");
        QCOMPARE(r.redactText(echo),
                 QStringLiteral("[REDACTED] [REDACTED] [REDACTED] trace-value ok")); // too short to mask
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "TestRedactor.moc"
