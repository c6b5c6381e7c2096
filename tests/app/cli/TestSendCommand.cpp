#include "support/CliRunner.h"
#include "support/TestHttpServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using tb::test::CliResult;
using tb::test::runCli;
using tb::test::TestHttpServer;

namespace {

QJsonObject json(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QStringList receivedValues(const QByteArray& echo, const QString& name)
{
    QStringList values;
    for (const QJsonValue& v : json(echo).value(QStringLiteral("headers")).toArray()) {
        if (v.toArray().at(0).toString().compare(name, Qt::CaseInsensitive) == 0) {
            values << v.toArray().at(1).toString();
        }
    }
    return values;
}

QByteArray receivedBody(const QByteArray& echo)
{
    return QByteArray::fromBase64(json(echo).value(QStringLiteral("body")).toString().toLatin1());
}

// Exactly one line on stderr, ours, that contains `text`.
bool oneErrorLine(const CliResult& r, const QString& text)
{
    const QString err = QString::fromUtf8(r.err);
    const bool ok =
        err.startsWith(u"tokenbench-cli: ") && err.endsWith(u'\n') && err.count(u'\n') == 1 && err.contains(text);
    if (!ok) {
        qWarning("stderr was: %s", r.err.constData());
    }
    return ok;
}

} // namespace

class TestSendCommand : public QObject
{
    Q_OBJECT

private:
    TestHttpServer* m_server = nullptr;
    QTemporaryDir m_dir;

    QString url(const QString& path) const { return m_server->urlString(path); }
    QString file(const QString& name, const QByteArray& content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly)) {
            return {};
        }
        f.write(content);
        return f.fileName();
    }

private slots:
    void init()
    {
        m_server = new TestHttpServer(TestHttpServer::Mode::Plain, this);
        QVERIFY(m_server->isListening());
    }
    void cleanup() { delete m_server; }

    void deliversHeadersAndPrintsTheBody()
    {
        const CliResult r = runCli({QStringLiteral("send"), QStringLiteral("-H"), QStringLiteral("X-Trace: 1"),
                                    QStringLiteral("-H"), QStringLiteral("X-Dup: a"), QStringLiteral("--header"),
                                    QStringLiteral("X-Dup: b"), url(QStringLiteral("/echo"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QCOMPARE(json(r.out).value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(receivedValues(r.out, QStringLiteral("X-Trace")), QStringList{QStringLiteral("1")});
        QCOMPARE(receivedValues(r.out, QStringLiteral("X-Dup")), QStringList{QStringLiteral("a, b")});
        QCOMPARE(m_server->requests().size(), 1);
    }

    void customMethod()
    {
        const CliResult r = runCli(
            {QStringLiteral("send"), QStringLiteral("-X"), QStringLiteral("PURGE"), url(QStringLiteral("/echo"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_server->requests().last().method, QByteArray("PURGE"));
    }

    void dataBodies()
    {
        CliResult r = runCli({QStringLiteral("send"), QStringLiteral("--data"), QStringLiteral("a=1"),
                              QStringLiteral("-d"), QStringLiteral("b=x+y"), url(QStringLiteral("/echo"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(receivedBody(r.out), QByteArray("a=1&b=x+y"));
        QCOMPARE(receivedValues(r.out, QStringLiteral("Content-Type")),
                 QStringList{QStringLiteral("application/x-www-form-urlencoded")});

        QByteArray binary;
        for (int i = 0; i < 1024; ++i) {
            binary += char(i % 256);
        }
        binary += "{{not a variable}}";
        r = runCli({QStringLiteral("send"), QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-H"),
                    QStringLiteral("Content-Type: application/octet-stream"), QStringLiteral("--data"),
                    u'@' + file(QStringLiteral("bin"), binary), url(QStringLiteral("/echo"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(receivedBody(r.out), binary);
        QCOMPARE(receivedValues(r.out, QStringLiteral("Content-Type")),
                 QStringList{QStringLiteral("application/octet-stream")});
    }

    void jsonBody()
    {
        const CliResult r = runCli({QStringLiteral("send"), QStringLiteral("--json"),
                                    QStringLiteral("{\"name\": \"J\u00fcrgen\"}"), url(QStringLiteral("/echo"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(receivedBody(r.out), QStringLiteral("{\"name\": \"J\u00fcrgen\"}").toUtf8());
        QCOMPARE(receivedValues(r.out, QStringLiteral("Content-Type")),
                 QStringList{QStringLiteral("application/json")});
        QCOMPARE(receivedValues(r.out, QStringLiteral("Accept")), QStringList{QStringLiteral("application/json")});
    }

    void formBody()
    {
        const QByteArray content("file\0bytes\r\n", 12);
        const CliResult r = runCli(
            {QStringLiteral("send"), QStringLiteral("-F"), QStringLiteral("title=a & b"), QStringLiteral("--form"),
             QStringLiteral("up=@%1;type=text/plain").arg(file(QStringLiteral("up.txt"), content)),
             url(QStringLiteral("/echo"))});
        QCOMPARE(r.exitCode, 0);
        const QByteArray body = receivedBody(r.out);
        const QString type = receivedValues(r.out, QStringLiteral("Content-Type")).value(0);
        QVERIFY2(type.startsWith(u"multipart/form-data; boundary="), qPrintable(type));
        const QByteArray boundary = type.section(u'=', 1).toLatin1();
        QVERIFY(
            body.startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\na & b\r\n"));
        QVERIFY(
            body.contains("name=\"up\"; filename=\"up.txt\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n"));
        QVERIFY(body.endsWith("--" + boundary + "--\r\n"));
    }

    void variablesFromEnvAndVar()
    {
        const QString env = file(QStringLiteral("env.json"),
                                 R"({"values": [{"key": "path", "value": "echo", "enabled": true},
                                                {"key": "who", "value": "env", "enabled": true},
                                                {"key": "off", "value": "x", "enabled": false}]})");
        CliResult r = runCli({QStringLiteral("send"), QStringLiteral("--env"), env, QStringLiteral("--var"),
                              QStringLiteral("who=cli"), QStringLiteral("-H"), QStringLiteral("X-Who: {{who}}"),
                              QStringLiteral("--data"), QStringLiteral("path={{path}}&lit=\\{{x}}"),
                              m_server->urlString(QStringLiteral("/")) + QStringLiteral("{{path}}")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(receivedValues(r.out, QStringLiteral("X-Who")), QStringList{QStringLiteral("cli")});
        QCOMPARE(receivedBody(r.out), QByteArray("path=echo&lit={{x}}"));

        const QString flat = file(QStringLiteral("flat.json"), R"({"path": "echo", "n": 3})");
        r = runCli({QStringLiteral("send"), QStringLiteral("--env"), flat, QStringLiteral("-H"),
                    QStringLiteral("X-N: {{n}}"),
                    QStringLiteral("http://127.0.0.1:%1/{{path}}").arg(m_server->port())});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(receivedValues(r.out, QStringLiteral("X-N")), QStringList{QStringLiteral("3")});
    }

    // Each of these gets one clear stderr line, its own exit code, and sends nothing.
    void usageAndInputErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad URL") << QStringList{QStringLiteral("http://exa mple.com/")} << 3
                                 << QStringLiteral("invalid URL 'http://exa mple.com/'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("http://x/")} << 2
                                        << QStringLiteral("Unknown option 'frobnicate'");
        QTest::newRow("missing URL") << QStringList{} << 2 << QStringLiteral("missing URL");
        QTest::newRow("bad header") << QStringList{QStringLiteral("-H"), QStringLiteral("NoColon"),
                                                   QStringLiteral("http://x/")}
                                    << 2 << QStringLiteral("bad header 'NoColon'");
        QTest::newRow("missing @FILE") << QStringList{QStringLiteral("--data"), QStringLiteral("@/nonexistent/body"),
                                                      QStringLiteral("http://x/")}
                                       << 26 << QStringLiteral("cannot read '/nonexistent/body': no such file");
        QTest::newRow("missing form file")
            << QStringList{QStringLiteral("-F"), QStringLiteral("f=@/nonexistent/up"), QStringLiteral("http://x/")}
            << 26 << QStringLiteral("'/nonexistent/up'");
        QTest::newRow("unknown variable")
            << QStringList{QStringLiteral("-H"), QStringLiteral("X-A: {{nope}}"), QStringLiteral("http://127.0.0.1:9/")}
            << 4 << QStringLiteral("unknown variable 'nope' in header 'X-A'");
        QTest::newRow("bad method") << QStringList{QStringLiteral("-X"), QStringLiteral("GE T"),
                                                   QStringLiteral("http://127.0.0.1:9/")}
                                    << 3 << QStringLiteral("invalid method");
        QTest::newRow("form with data") << QStringList{QStringLiteral("-F"), QStringLiteral("a=b"),
                                                       QStringLiteral("-d"), QStringLiteral("x"),
                                                       QStringLiteral("http://x/")}
                                        << 2 << QStringLiteral("--form cannot be combined");
    }
    void usageAndInputErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliResult r = runCli(QStringList{QStringLiteral("send")} + arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(oneErrorLine(r, message));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(m_server->requests().size(), 0);
    }

    void networkFailures()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        CliResult r = runCli({QStringLiteral("send"), QStringLiteral("http://127.0.0.1:%1/").arg(closedPort)});
        QCOMPARE(r.exitCode, 7);
        QVERIFY(oneErrorLine(r, QStringLiteral("cannot connect to 127.0.0.1:%1").arg(closedPort)));

        r = runCli({QStringLiteral("send"), QStringLiteral("--timeout"), QStringLiteral("0.3"),
                    url(QStringLiteral("/delay/20000"))});
        QCOMPARE(r.exitCode, 28);
        QVERIFY(oneErrorLine(r, QStringLiteral("timed out")));

        r = runCli({QStringLiteral("send"), url(QStringLiteral("/close-mid"))});
        QCOMPARE(r.exitCode, 8);
        QVERIFY(oneErrorLine(r, QStringLiteral("middle of the response")));
    }

    void redirects()
    {
        CliResult r = runCli({QStringLiteral("send"), url(QStringLiteral("/redirect/2"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("target")).toString(), QStringLiteral("/redirect/0"));

        r = runCli({QStringLiteral("send"), QStringLiteral("-i"), QStringLiteral("--max-redirects"),
                    QStringLiteral("0"), url(QStringLiteral("/redirect/2"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("HTTP/1.1 302 Found\r\n"));
        QVERIFY(r.out.contains("\r\nLocation: /redirect/1\r\n"));

        r = runCli({QStringLiteral("send"), QStringLiteral("--max-redirects"), QStringLiteral("1"),
                    url(QStringLiteral("/redirect/3"))});
        QCOMPARE(r.exitCode, 47);
        QVERIFY(oneErrorLine(r, QString()));
    }

    void failIncludeAndStatus()
    {
        CliResult r = runCli({QStringLiteral("send"), url(QStringLiteral("/status/404"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("status 404"));

        r = runCli({QStringLiteral("send"), QStringLiteral("--fail"), url(QStringLiteral("/status/404"))});
        QCOMPARE(r.exitCode, 22);
        QVERIFY(r.out.isEmpty());
        QVERIFY(oneErrorLine(r, QStringLiteral("HTTP 404")));

        r = runCli({QStringLiteral("send"), QStringLiteral("-f"), QStringLiteral("--include"),
                    url(QStringLiteral("/status/201"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("HTTP/1.1 201 Custom Reason\r\n"));
        QVERIFY(r.out.endsWith("\r\n\r\nstatus 201"));
    }

    void outputFile()
    {
        const QString out = m_dir.filePath(QStringLiteral("out.bin"));
        CliResult r = runCli({QStringLiteral("send"), QStringLiteral("-o"), out, url(QStringLiteral("/bytes/300000"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(QFile(out).size(), 300000);

        r = runCli({QStringLiteral("send"), QStringLiteral("-o"), QStringLiteral("/nonexistent/dir/out"),
                    url(QStringLiteral("/json"))});
        QCOMPARE(r.exitCode, 23);
        QVERIFY(oneErrorLine(r, QStringLiteral("/nonexistent/dir/out")));
    }

    void jsonOut()
    {
        CliResult r =
            runCli({QStringLiteral("send"), QStringLiteral("--json-out"), url(QStringLiteral("/set-cookie"))});
        QCOMPARE(r.exitCode, 0);
        QJsonObject doc = json(r.out);
        QCOMPARE(doc.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(doc.value(QStringLiteral("body")).toString(), QStringLiteral("cookies"));
        QJsonArray cookies;
        for (const QJsonValue& h : doc.value(QStringLiteral("headers")).toArray()) {
            if (h[QStringLiteral("name")].toString() == u"Set-Cookie") {
                cookies.append(h[QStringLiteral("value")]);
            }
        }
        QCOMPARE(cookies, (QJsonArray{QStringLiteral("a=1; Path=/"), QStringLiteral("b=2; HttpOnly")}));
        QVERIFY(doc.value(QStringLiteral("timings"))[QStringLiteral("totalMs")].toDouble() > 0);

        r = runCli({QStringLiteral("send"), QStringLiteral("--json-out"), url(QStringLiteral("/bytes/300"))});
        doc = json(r.out);
        QByteArray expected;
        for (int i = 0; i < 300; ++i) {
            expected += char(i % 256);
        }
        QCOMPARE(QByteArray::fromBase64(doc.value(QStringLiteral("bodyBase64")).toString().toLatin1()), expected);
        QVERIFY(!doc.contains(QStringLiteral("body")));
    }

    void selfSignedTlsRefusedUnlessInsecure()
    {
        TestHttpServer tls(TestHttpServer::Mode::Tls);
        CliResult r = runCli({QStringLiteral("send"), tls.urlString(QStringLiteral("/json"))});
        QCOMPARE(r.exitCode, 35);
        QVERIFY(oneErrorLine(r, QStringLiteral("--insecure")));
        QVERIFY(r.err.contains("127.0.0.1"));
        QCOMPARE(tls.requests().size(), 0);

        r = runCli({QStringLiteral("send"), QStringLiteral("--insecure"), tls.urlString(QStringLiteral("/json"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("ok")).toBool(), true);
    }

    void helpAndCommands()
    {
        CliResult r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("send"));
        QVERIFY(r.out.contains("Exit codes:"));
        QVERIFY(r.out.contains("28  timed out"));

        r = runCli({QStringLiteral("send"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--json-out"));
        QVERIFY(r.out.contains("Exit codes:"));

        r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(oneErrorLine(r, QStringLiteral("unknown command 'frobnicate'")));

        r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("tokenbench-cli "));
    }
};

QTEST_GUILESS_MAIN(TestSendCommand)
#include "TestSendCommand.moc"
