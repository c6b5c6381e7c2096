#include "core/MockClock.h"
#include "http/Redactor.h"
#include "workspace/History.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

ResponseRecord response(const QDateTime& at, const QByteArray& method, const QString& url, int status)
{
    ResponseRecord r;
    r.sentAt = at;
    r.status = status;
    r.reason = "OK";
    r.totalMs = 12.5;
    r.request.method = method;
    r.request.url = QUrl(url);
    r.headers = {HttpHeader{"Content-Type", "application/json"}};
    r.body = "{\"ok\": true}";
    r.bodySize = r.body.size();
    return r;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void neverHoldsASecret();
    void searchesByUrlMethodStatusAndDate();
    void prunesByCountAndAge();
    void capsBodies();
    void reopensAsANewRequest();
    void defaultPathIsUnderAppData();
};

void TestHistory::neverHoldsASecret()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    MockClock clock;
    const QList<QByteArray> secrets{"eyJhbGciOiJSUzI1NiJ9.access-token-value",
                                    "sessionid-cookie-value",
                                    "client-secret-value",
                                    "alice-password-value",
                                    "refresh-token-value",
                                    "query-token-value",
                                    "registered-secret-in-path"};
    {
        History history(path, clock);
        QCOMPARE(history.open(), QString());
        ResponseRecord r = response(
            clock.now(), "POST",
            u"https://api.example.com/o/registered-secret-in-path/token/?access_token=query-token-value&page=2"_s, 200);
        r.request.headers = {HttpHeader{"Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.access-token-value"},
                             HttpHeader{"Cookie", "sessionid=sessionid-cookie-value; theme=dark"},
                             HttpHeader{"Content-Type", "application/x-www-form-urlencoded"}};
        r.request.body = "grant_type=password&client_secret=client-secret-value&password=alice-password-value";
        r.request.bodySize = r.request.body.size();
        r.headers << HttpHeader{"Set-Cookie", "sessionid=sessionid-cookie-value; Path=/; HttpOnly"};
        r.body = "{\"access_token\": \"eyJhbGciOiJSUzI1NiJ9.access-token-value\", \"refresh_token\": "
                 "\"refresh-token-value\", \"expires_in\": 3600}";
        r.bodySize = r.body.size();
        Redactor redactor;
        redactor.addSecret(u"registered-secret-in-path"_s);
        QVERIFY2(history.record(r, redactor).has_value(), qPrintable(history.lastError()));

        const History::Entry e = history.search({}).first();
        QVERIFY(e.url.contains(u"page=2"_s));
        QCOMPARE(e.requestHeaders.at(0).value, QByteArray("Bearer [REDACTED]"));
        QVERIFY(e.responseBody.contains("expires_in") && e.responseBody.contains("3600"));
    }
    // Scan the database file itself (and any journal left next to it).
    for (const QString& file : QDir(dir.path()).entryList(QDir::Files)) {
        const QByteArray bytes = readFile(dir.filePath(file));
        QVERIFY(!bytes.isEmpty());
        for (const QByteArray& secret : secrets) {
            QVERIFY2(!bytes.contains(secret), qPrintable(file + u": "_s + QString::fromLatin1(secret)));
        }
    }
}

void TestHistory::searchesByUrlMethodStatusAndDate()
{
    QTemporaryDir dir;
    MockClock clock;
    History history(dir.filePath(u"h.sqlite"_s), clock);
    QCOMPARE(history.open(), QString());
    const Redactor redactor;
    const QDateTime t0 = clock.now();
    history.record(response(t0, "GET", u"http://127.0.0.1:8000/api/users/"_s, 200), redactor);
    history.record(response(t0.addSecs(60), "POST", u"http://127.0.0.1:8000/api/users/"_s, 201), redactor);
    history.record(response(t0.addSecs(120), "GET", u"http://127.0.0.1:8000/api/users/?search=100%25_x"_s, 401),
                   redactor);
    history.record(response(t0.addSecs(180), "DELETE", u"http://127.0.0.1:8000/api/users/3/"_s, 204), redactor);

    QCOMPARE(history.count(), 4);
    QCOMPARE(history.search({}).first().method, u"DELETE"_s); // newest first
    History::Query byMethod;
    byMethod.method = u"get"_s;
    QCOMPARE(history.search(byMethod).size(), 2);
    History::Query byUrl;
    byUrl.urlContains = u"USERS/3"_s;
    QCOMPARE(history.search(byUrl).size(), 1);
    byUrl.urlContains = u"%25_x"_s; // % and _ are literal, not wildcards
    QCOMPARE(history.search(byUrl).size(), 1);
    byUrl.urlContains = u"_x_"_s;
    QCOMPARE(history.search(byUrl).size(), 0);
    History::Query byStatus;
    byStatus.statusFrom = 200;
    byStatus.statusTo = 299;
    QCOMPARE(history.search(byStatus).size(), 3);
    byStatus.statusFrom = 401;
    byStatus.statusTo = 0;
    QCOMPARE(history.search(byStatus).size(), 1);
    History::Query byDate;
    byDate.from = t0.addSecs(60);
    byDate.to = t0.addSecs(180);
    const QList<History::Entry> window = history.search(byDate);
    QCOMPARE(window.size(), 2);
    QCOMPARE(window.at(0).status, 401);
    QCOMPARE(window.at(1).status, 201);
    QCOMPARE(window.at(1).sentAt, t0.addSecs(60));
    History::Query limited;
    limited.limit = 1;
    QCOMPARE(history.search(limited).size(), 1);
    QVERIFY(history.entry(window.at(0).id).has_value());
    QVERIFY(!history.entry(9999).has_value());
}

void TestHistory::prunesByCountAndAge()
{
    QTemporaryDir dir;
    MockClock clock;
    History::Limits limits;
    limits.maxEntries = 3;
    limits.maxAgeDays = 30;
    History history(dir.filePath(u"h.sqlite"_s), clock, limits);
    QCOMPARE(history.open(), QString());
    const Redactor redactor;
    for (int i = 0; i < 5; ++i) {
        history.record(response(clock.now().addSecs(i), "GET", QStringLiteral("http://x/%1").arg(i), 200), redactor);
    }
    QCOMPARE(history.count(), 3);
    QCOMPARE(history.search({}).last().url, u"http://x/2"_s); // the oldest two went

    clock.advance(31 * 24 * 3600);
    history.record(response(clock.now(), "GET", u"http://x/new"_s, 200), redactor);
    QCOMPARE(history.count(), 1);
    QCOMPARE(history.search({}).first().url, u"http://x/new"_s);
    history.clear();
    QCOMPARE(history.count(), 0);
}

void TestHistory::capsBodies()
{
    QTemporaryDir dir;
    MockClock clock;
    History::Limits limits;
    limits.bodyCapBytes = 100;
    History history(dir.filePath(u"h.sqlite"_s), clock, limits);
    QCOMPARE(history.open(), QString());
    ResponseRecord r = response(clock.now(), "GET", u"http://x/big"_s, 200);
    r.headers = {HttpHeader{"Content-Type", "text/plain"}};
    r.body = QByteArray(1000, 'a');
    r.bodySize = 1000;
    r.request.body = QByteArray(500, 'b');
    const qint64 id = *history.record(r, Redactor());
    const History::Entry e = *history.entry(id);
    QCOMPARE(e.responseBody.size(), 100);
    QVERIFY(e.responseBodyTruncated);
    QCOMPARE(e.responseSize, 1000);
    QCOMPARE(e.requestBody.size(), 100);
    QCOMPARE(e.totalMs, 12.5);
}

void TestHistory::reopensAsANewRequest()
{
    History::Entry e;
    e.method = u"PATCH"_s;
    e.url = u"http://127.0.0.1:8000/api/users/3/"_s;
    e.requestHeaders = {HttpHeader{"Content-Type", "application/json"}, HttpHeader{"Content-Length", "14"},
                        HttpHeader{"Authorization", "Bearer [REDACTED]"}};
    e.requestBody = "{\"email\": \"x\"}";
    const RequestSpec r = History::toRequest(e);
    QCOMPARE(r.method, u"PATCH"_s);
    QCOMPARE(r.url, e.url);
    QCOMPARE(r.headers.size(), 2);
    QCOMPARE(r.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(r.body.text, u"{\"email\": \"x\"}"_s);
}

void TestHistory::defaultPathIsUnderAppData()
{
    QVERIFY(History::defaultPath().endsWith(u"/history.sqlite"_s));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"
