#include "http/BodyEncoder.h"
#include "http/HttpExecutor.h"
#include "support/TestHttpServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;
using tb::test::TestHttpServer;
using ErrorKind = ResponseRecord::ErrorKind;

namespace {

// Resident memory of this process in KiB, from /proc/self/status.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

QJsonObject echoOf(const ResponseRecord& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// The header lines the server received, in order.
QList<QPair<QString, QString>> receivedHeaders(const ResponseRecord& r)
{
    QList<QPair<QString, QString>> out;
    for (const QJsonValue& v : echoOf(r).value(QStringLiteral("headers")).toArray()) {
        out.append({v.toArray().at(0).toString(), v.toArray().at(1).toString()});
    }
    return out;
}

QStringList receivedValues(const ResponseRecord& r, const QString& name)
{
    QStringList values;
    for (const auto& [n, v] : receivedHeaders(r)) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            values << v;
        }
    }
    return values;
}

QByteArray receivedBody(const ResponseRecord& r)
{
    return QByteArray::fromBase64(echoOf(r).value(QStringLiteral("body")).toString().toLatin1());
}

} // namespace

class TestHttpExecutor : public QObject
{
    Q_OBJECT

private:
    TestHttpServer* m_server = nullptr;
    HttpExecutor* m_executor = nullptr;

    ResponseRecord run(const RequestSpec& spec, int timeoutMs = 20'000)
    {
        QSignalSpy finished(m_executor, &HttpExecutor::finished);
        const HttpExecutor::RequestId id = m_executor->send(spec);
        if (!finished.wait(timeoutMs) && finished.isEmpty()) {
            qWarning("request did not finish");
            return {};
        }
        [&] { QCOMPARE(finished.size(), 1); }();
        [&] { QCOMPARE(finished.at(0).at(0).value<HttpExecutor::RequestId>(), id); }();
        return finished.at(0).at(1).value<ResponseRecord>();
    }

    RequestSpec get(const QString& path, const QString& method = QStringLiteral("GET"))
    {
        RequestSpec spec;
        spec.method = method;
        spec.url = m_server->urlString(path);
        spec.options.proxy.mode = ProxySpec::Mode::None;
        return spec;
    }

private slots:
    void init()
    {
        m_server = new TestHttpServer(TestHttpServer::Mode::Plain, this);
        QVERIFY(m_server->isListening());
        m_executor = new HttpExecutor(this);
    }
    void cleanup()
    {
        delete m_executor;
        delete m_server;
    }

    void everyMethod_data()
    {
        QTest::addColumn<QString>("method");
        for (const char* m : {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PURGE", "PROPFIND",
                              "X-CUSTOM_VERB"}) {
            QTest::newRow(m) << QString::fromLatin1(m);
        }
    }
    void everyMethod()
    {
        QFETCH(QString, method);
        const ResponseRecord r = run(get(QStringLiteral("/echo"), method));
        QVERIFY2(r.hasResponse(), qPrintable(r.errorMessage));
        QCOMPARE(r.status, 200);
        QCOMPARE(m_server->requests().last().method, method.toLatin1());
        if (method != u"HEAD") {
            QCOMPARE(echoOf(r).value(QStringLiteral("method")).toString(), method);
        } else {
            QVERIFY(r.body.isEmpty());
        }
        QCOMPARE(r.request.method, method.toLatin1());
    }

    void customAndDuplicateHeadersArriveAsSet()
    {
        RequestSpec spec = get(QStringLiteral("/echo"));
        spec.headers = {{QStringLiteral("X-Trace"), QStringLiteral("1"), true},
                        {QStringLiteral("X-Dup"), QStringLiteral("a"), true},
                        {QStringLiteral("x-MiXeD-case"), QStringLiteral("v \u00e9"), true},
                        {QStringLiteral("X-Off"), QStringLiteral("never"), false},
                        {QStringLiteral("X-Dup"), QStringLiteral("b"), true},
                        {QStringLiteral("Cookie"), QStringLiteral("a=1"), true},
                        {QStringLiteral("Cookie"), QStringLiteral("b=2"), true},
                        {QStringLiteral("Accept"), QStringLiteral("application/json"), true}};
        const ResponseRecord r = run(spec);
        QVERIFY2(r.hasResponse(), qPrintable(r.errorMessage));
        QCOMPARE(receivedValues(r, QStringLiteral("X-Trace")), QStringList{QStringLiteral("1")});
        QCOMPARE(receivedValues(r, QStringLiteral("X-Dup")), QStringList{QStringLiteral("a, b")});
        QCOMPARE(receivedValues(r, QStringLiteral("Cookie")), QStringList{QStringLiteral("a=1; b=2")});
        QCOMPARE(receivedValues(r, QStringLiteral("Accept")), QStringList{QStringLiteral("application/json")});
        QCOMPARE(receivedValues(r, QStringLiteral("X-Off")), QStringList{});
        QCOMPARE(receivedValues(r, QStringLiteral("User-Agent")), QStringList{QStringLiteral("tokenbench/0.1.0")});
        QCOMPARE(receivedValues(r, QStringLiteral("x-MiXeD-case")), QStringList{QStringLiteral("v \u00e9")});
        // The name's case is kept on the wire.
        bool caseKept = false;
        for (const auto& [n, v] : receivedHeaders(r)) {
            caseKept = caseKept || n == u"x-MiXeD-case";
        }
        QVERIFY(caseKept);
        // Our custom headers keep their relative order.
        QStringList order;
        for (const auto& [n, v] : receivedHeaders(r)) {
            if (n.startsWith(u"X-", Qt::CaseInsensitive)) {
                order << n;
            }
        }
        QCOMPARE(order,
                 (QStringList{QStringLiteral("X-Trace"), QStringLiteral("X-Dup"), QStringLiteral("x-MiXeD-case")}));
        // The record shows what went out.
        QVERIFY(r.request.headers.contains(HttpHeader{"X-Dup", "a, b"}));
    }

    void userAgentCanBeReplaced()
    {
        RequestSpec spec = get(QStringLiteral("/echo"));
        spec.headers = {{QStringLiteral("user-agent"), QStringLiteral("mine/1"), true}};
        QCOMPARE(receivedValues(run(spec), QStringLiteral("User-Agent")), QStringList{QStringLiteral("mine/1")});
    }

    void queryParamsAreAppendedAndEncoded()
    {
        RequestSpec spec = get(QStringLiteral("/echo?a=1"));
        spec.queryParams = {{QStringLiteral("b"), QStringLiteral("x y&z=\u00e9"), true},
                            {QStringLiteral("off"), QStringLiteral("1"), false},
                            {QStringLiteral("c"), QString(), true}};
        const ResponseRecord r = run(spec);
        QCOMPARE(echoOf(r).value(QStringLiteral("target")).toString(),
                 QStringLiteral("/echo?a=1&b=x%20y%26z%3D%C3%A9&c="));
    }

    void rawBodyIsByteExact()
    {
        RequestSpec spec = get(QStringLiteral("/echo"), QStringLiteral("POST"));
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.text = QStringLiteral("{\"name\": \"J\u00fcrgen \u4e2d\", \"n\": 1}\n");
        spec.body.contentType = QStringLiteral("application/json");
        const ResponseRecord r = run(spec);
        QCOMPARE(receivedBody(r), spec.body.text.toUtf8());
        QCOMPARE(receivedValues(r, QStringLiteral("Content-Type")), QStringList{QStringLiteral("application/json")});
        QCOMPARE(r.request.body, spec.body.text.toUtf8());
    }

    void formBodyIsByteExact()
    {
        RequestSpec spec = get(QStringLiteral("/echo"), QStringLiteral("POST"));
        spec.body.kind = RequestBody::Kind::UrlEncoded;
        spec.body.formRows = {{QStringLiteral("q"), QStringLiteral("a+b & c=d"), true},
                              {QStringLiteral("\u00e9"), QStringLiteral("\u20ac"), true}};
        const ResponseRecord r = run(spec);
        QCOMPARE(receivedBody(r), QByteArray("q=a%2Bb+%26+c%3Dd&%C3%A9=%E2%82%AC"));
        QCOMPARE(receivedValues(r, QStringLiteral("Content-Type")),
                 QStringList{QStringLiteral("application/x-www-form-urlencoded")});
    }

    void multipartAndBinaryBodiesAreByteExact()
    {
        QTemporaryDir dir;
        QByteArray fileBytes;
        for (int i = 0; i < 256 * 40; ++i) {
            fileBytes += char(i % 256);
        }
        QFile file(dir.filePath(QStringLiteral("all-bytes.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fileBytes);
        file.close();

        RequestSpec spec = get(QStringLiteral("/echo"), QStringLiteral("PUT"));
        spec.body.kind = RequestBody::Kind::Binary;
        spec.body.filePath = file.fileName();
        ResponseRecord r = run(spec);
        QCOMPARE(receivedBody(r), fileBytes);
        QCOMPARE(receivedValues(r, QStringLiteral("Content-Type")),
                 QStringList{QStringLiteral("application/octet-stream")});

        spec.method = QStringLiteral("POST");
        spec.body.kind = RequestBody::Kind::Multipart;
        spec.body.parts = {
            {MultipartRow::Kind::Text, QStringLiteral("title"), QStringLiteral("h\u00e9 & = +"), {}, true},
            {MultipartRow::Kind::File, QStringLiteral("upload"), file.fileName(), {}, true}};
        r = run(spec);
        const QByteArray received = receivedBody(r);
        const QString contentType = receivedValues(r, QStringLiteral("Content-Type")).value(0);
        QVERIFY2(contentType.startsWith(u"multipart/form-data; boundary=tokenbench-"), qPrintable(contentType));
        const QByteArray boundary = contentType.section(u'=', 1).toLatin1();
        QCOMPARE(received, BodyEncoder::encode(spec.body, boundary).toByteArray(1 << 20));
        QVERIFY(received.contains("\r\n\r\n" + fileBytes + "\r\n--" + boundary + "--\r\n"));
        QCOMPARE(r.request.body, received);
    }

    void auth()
    {
        RequestSpec spec = get(QStringLiteral("/echo"));
        spec.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer overridden"), true}};
        spec.auth.kind = AuthSpec::Kind::Bearer;
        spec.auth.token = QStringLiteral("t0k");
        QCOMPARE(receivedValues(run(spec), QStringLiteral("Authorization")), QStringList{QStringLiteral("Bearer t0k")});

        spec.auth.kind = AuthSpec::Kind::Basic;
        spec.auth.username = QStringLiteral("ann");
        spec.auth.password = QStringLiteral("p\u00e4ss:w");
        QCOMPARE(
            receivedValues(run(spec), QStringLiteral("Authorization")),
            QStringList{QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("ann:p\xc3\xa4ss:w").toBase64())});

        spec.headers.clear();
        spec.auth.kind = AuthSpec::Kind::ApiKey;
        spec.auth.apiKeyName = QStringLiteral("X-Api-Key");
        spec.auth.apiKeyValue = QStringLiteral("k1");
        QCOMPARE(receivedValues(run(spec), QStringLiteral("X-Api-Key")), QStringList{QStringLiteral("k1")});
        spec.auth.apiKeyLocation = AuthSpec::ApiKeyLocation::Query;
        spec.auth.apiKeyName = QStringLiteral("api_key");
        QCOMPARE(echoOf(run(spec)).value(QStringLiteral("target")).toString(), QStringLiteral("/echo?api_key=k1"));

        const int before = m_server->requests().size();
        spec.auth.kind = AuthSpec::Kind::OAuth2;
        const ResponseRecord r = run(spec);
        QCOMPARE(r.error, ErrorKind::Auth);
        QCOMPARE(m_server->requests().size(), before);
    }

    void redirectsFollowedAndRefused()
    {
        RequestSpec spec = get(QStringLiteral("/redirect/3"));
        spec.options.maxRedirects = 5;
        ResponseRecord r = run(spec);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.redirectCount, 3);
        QCOMPARE(r.finalUrl, m_server->url(QStringLiteral("/redirect/0")));

        spec.options.maxRedirects = 0;
        r = run(spec);
        QVERIFY(r.hasResponse());
        QCOMPARE(r.status, 302);
        QCOMPARE(r.headerValue("location"), QByteArray("/redirect/2"));

        spec.options.maxRedirects = 2;
        r = run(spec);
        QCOMPARE(r.error, ErrorKind::TooManyRedirects);
    }

    void credentialsStayWithTheirOrigin()
    {
        TestHttpServer other;
        RequestSpec spec = get(QStringLiteral("/redirect-to?url=") +
                               QString::fromLatin1(QUrl::toPercentEncoding(other.urlString(QStringLiteral("/echo")))));
        spec.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer secret"), true},
                        {QStringLiteral("Cookie"), QStringLiteral("sid=1"), true},
                        {QStringLiteral("X-Keep"), QStringLiteral("1"), true}};
        ResponseRecord r = run(spec);
        QVERIFY2(r.hasResponse(), qPrintable(r.errorMessage));
        QCOMPARE(r.redirectCount, 1);
        QCOMPARE(other.requests().size(), 1);
        QCOMPARE(receivedValues(r, QStringLiteral("X-Keep")), QStringList{QStringLiteral("1")});
        QCOMPARE(receivedValues(r, QStringLiteral("Authorization")), QStringList{});
        QCOMPARE(receivedValues(r, QStringLiteral("Cookie")), QStringList{});

        // Same origin: they are kept.
        spec.url = m_server->urlString(QStringLiteral("/redirect/1"));
        r = run(spec);
        QCOMPARE(receivedValues(r, QStringLiteral("Authorization")), QStringList{QStringLiteral("Bearer secret")});
        QCOMPARE(receivedValues(r, QStringLiteral("Cookie")), QStringList{QStringLiteral("sid=1")});
    }

    void postAfter302BecomesGet()
    {
        RequestSpec spec = get(QStringLiteral("/redirect/1"), QStringLiteral("POST"));
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.text = QStringLiteral("x");
        const ResponseRecord r = run(spec);
        QCOMPARE(echoOf(r).value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(echoOf(r).value(QStringLiteral("bodySize")).toInt(), 0);
    }

    void redirect307ResendsTheBody()
    {
        RequestSpec spec = get(QStringLiteral("/redirect-307"), QStringLiteral("POST"));
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.text = QStringLiteral("payload");
        const ResponseRecord r = run(spec);
        QCOMPARE(echoOf(r).value(QStringLiteral("target")).toString(), QStringLiteral("/echo/after-307"));
        QCOMPARE(echoOf(r).value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(receivedBody(r), QByteArray("payload"));
    }

    void statusAndResponseHeaders()
    {
        ResponseRecord r = run(get(QStringLiteral("/status/418")));
        QVERIFY(r.hasResponse());
        QCOMPARE(r.status, 418);
        QCOMPARE(r.reason, QByteArray("Custom Reason"));
        QCOMPARE(r.body, QByteArray("status 418"));
        QCOMPARE(r.httpVersion, QStringLiteral("1.1"));
        QVERIFY(r.timeToFirstByteMs >= 0);
        QVERIFY(r.totalMs >= r.timeToFirstByteMs);

        r = run(get(QStringLiteral("/set-cookie")));
        QList<QByteArray> cookies;
        for (const HttpHeader& h : r.headers) {
            if (h.name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
                cookies << h.value;
            }
        }
        QCOMPARE(cookies, (QList<QByteArray>{"a=1; Path=/", "b=2; HttpOnly"}));
        QCOMPARE(r.headerValue("x-dup"), QByteArray("one, two"));
    }

    void totalTimeout()
    {
        RequestSpec spec = get(QStringLiteral("/delay/10000"));
        spec.options.totalTimeoutMs = 200;
        const ResponseRecord r = run(spec);
        QCOMPARE(r.error, ErrorKind::Timeout);
        QVERIFY2(r.errorMessage.contains(u"200 ms"), qPrintable(r.errorMessage));
        QVERIFY(r.totalMs < 5000);
    }

    void connectTimeout()
    {
        // Accepts TCP but never answers the TLS handshake: the request never goes out.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        RequestSpec spec;
        spec.url = QStringLiteral("https://127.0.0.1:%1/").arg(silent.serverPort());
        spec.options.proxy.mode = ProxySpec::Mode::None;
        spec.options.connectTimeoutMs = 300;
        const ResponseRecord r = run(spec);
        QCOMPARE(r.error, ErrorKind::Timeout);
        QVERIFY2(r.errorMessage.contains(u"connection to 127.0.0.1 timed out"), qPrintable(r.errorMessage));
    }

    void serverClosesMidResponse()
    {
        ResponseRecord r = run(get(QStringLiteral("/close-mid")));
        QCOMPARE(r.error, ErrorKind::Protocol);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.errorMessage.contains(u"middle of the response"), qPrintable(r.errorMessage));

        r = run(get(QStringLiteral("/close-before")));
        QVERIFY(!r.hasResponse());
        QVERIFY(r.error == ErrorKind::Connection || r.error == ErrorKind::Protocol);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        RequestSpec spec;
        spec.url = QStringLiteral("http://127.0.0.1:%1/").arg(port);
        const ResponseRecord r = run(spec);
        QCOMPARE(r.error, ErrorKind::Connection);
        QVERIFY(!r.errorMessage.isEmpty());
    }

    void invalidRequestsSendNothing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("headerValue");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        const QString ok = QStringLiteral("/echo");
        QTest::newRow("bad url") << QStringLiteral("http://exa mple.com/") << QStringLiteral("GET") << QString()
                                 << QString() << int(ErrorKind::InvalidRequest);
        QTest::newRow("bad scheme") << QStringLiteral("ftp://127.0.0.1/") << QStringLiteral("GET") << QString()
                                    << QString() << int(ErrorKind::InvalidRequest);
        QTest::newRow("bad method") << ok << QStringLiteral("GE T") << QString() << QString()
                                    << int(ErrorKind::InvalidRequest);
        QTest::newRow("header injection") << ok << QStringLiteral("GET") << QStringLiteral("a\r\nX-Evil: 1")
                                          << QString() << int(ErrorKind::InvalidRequest);
        QTest::newRow("missing file") << ok << QStringLiteral("POST") << QString()
                                      << QStringLiteral("/nonexistent/body.bin") << int(ErrorKind::File);
    }
    void invalidRequestsSendNothing()
    {
        QFETCH(QString, url);
        QFETCH(QString, method);
        QFETCH(QString, headerValue);
        QFETCH(QString, file);
        QFETCH(int, kind);
        RequestSpec spec = get(url.startsWith(u'/') ? url : QString(), method);
        if (!url.startsWith(u'/')) {
            spec.url = url;
        }
        if (!headerValue.isEmpty()) {
            spec.headers = {{QStringLiteral("X-A"), headerValue, true}};
        }
        if (!file.isEmpty()) {
            spec.body.kind = RequestBody::Kind::Binary;
            spec.body.filePath = file;
        }
        const ResponseRecord r = run(spec);
        QCOMPARE(int(r.error), kind);
        QVERIFY(!r.errorMessage.isEmpty());
        QCOMPARE(m_server->requests().size(), 0);
    }

    void largeBodyStreamsToDiskWithBoundedMemory()
    {
        constexpr qint64 size = 50 * 1024 * 1024;
        QTemporaryDir dir;
        m_executor->setTemporaryDirectory(dir.path());
        const qint64 before = residentKiB();
        qint64 peak = before;
        connect(m_executor, &HttpExecutor::downloadProgress, this,
                [&](HttpExecutor::RequestId, qint64 received, qint64) {
                    if (received % (4 * 1024 * 1024) < 300 * 1024) { // sample now and then: reading /proc is not free
                        peak = std::max(peak, residentKiB());
                    }
                });
        const ResponseRecord r = run(get(QStringLiteral("/bytes/%1").arg(size)), 60'000);
        peak = std::max(peak, residentKiB());
        QVERIFY2(r.hasResponse(), qPrintable(r.errorMessage));
        QCOMPARE(r.bodySize, size);
        QVERIFY(r.bodyOnDisk());
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.bodyFilePath.startsWith(dir.path()));
        QFile body(r.bodyFilePath);
        QCOMPARE(body.size(), size);
        QVERIFY(body.open(QIODevice::ReadOnly));
        QByteArray expected(64 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            expected[i] = char(i % 256);
        }
        for (qint64 offset = 0; offset < size; offset += expected.size()) {
            QCOMPARE(body.read(expected.size()), expected);
        }
        // The body never sat in memory: growth is a fraction of the 50 MB (buffers, allocator slack).
        const qint64 growthKiB = peak - before;
        qInfo("resident memory growth while receiving 50 MB: %lld KiB", growthKiB);
        QVERIFY2(growthKiB < 16 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(growthKiB)));
    }

    void smallBodiesStayInMemory()
    {
        m_executor->setStreamThreshold(1000);
        ResponseRecord r = run(get(QStringLiteral("/bytes/1000")));
        QVERIFY(!r.bodyOnDisk());
        QCOMPARE(r.body.size(), 1000);
        r = run(get(QStringLiteral("/bytes/1001"))); // no early switch from Content-Length: this one crosses it
        QVERIFY(r.bodyOnDisk());
        QCOMPARE(r.readBody().size(), 1001);
        const QString path = r.bodyFilePath;
        r = ResponseRecord();
        QVERIFY(!QFile::exists(path));
    }

    void cancel()
    {
        QSignalSpy finished(m_executor, &HttpExecutor::finished);
        const auto id = m_executor->send(get(QStringLiteral("/delay/10000")));
        QTRY_COMPARE(m_server->requests().size(), 1);
        m_executor->cancel(id);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).value<ResponseRecord>().error, ErrorKind::Canceled);
        QCOMPARE(m_executor->activeCount(), 0);
    }

    void explicitProxy()
    {
        // The test server answers absolute-form targets, so it can stand in for an HTTP proxy.
        RequestSpec spec;
        spec.url = QStringLiteral("http://api.example.invalid/echo");
        spec.options.proxy = {ProxySpec::Mode::Explicit, QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())};
        const ResponseRecord r = run(spec);
        QVERIFY2(r.hasResponse(), qPrintable(r.errorMessage));
        QCOMPARE(echoOf(r).value(QStringLiteral("target")).toString(),
                 QStringLiteral("http://api.example.invalid/echo"));

        spec.options.proxy.url = QStringLiteral("ftp://nope");
        QCOMPARE(run(spec).error, ErrorKind::InvalidRequest);
    }

    void selfSignedTlsRefusedUnlessIgnored()
    {
        TestHttpServer tls(TestHttpServer::Mode::Tls);
        QVERIFY(tls.isListening());
        RequestSpec spec;
        spec.url = tls.urlString(QStringLiteral("/json"));
        spec.options.proxy.mode = ProxySpec::Mode::None;
        ResponseRecord r = run(spec);
        QCOMPARE(r.error, ErrorKind::Tls);
        QVERIFY2(r.errorMessage.contains(u"self signed", Qt::CaseInsensitive) ||
                     r.errorMessage.contains(u"self-signed", Qt::CaseInsensitive),
                 qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(u"127.0.0.1"), qPrintable(r.errorMessage));
        QCOMPARE(tls.requests().size(), 0);

        spec.options.ignoreTlsErrors = true;
        r = run(spec);
        QVERIFY2(r.hasResponse(), qPrintable(r.errorMessage));
        QCOMPARE(r.status, 200);
        QCOMPARE(tls.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpExecutor)
#include "TestHttpExecutor.moc"
