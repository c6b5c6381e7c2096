#include "interop/CurlTokenizer.h"

#include <QTest>

using tb::CurlTokenizer;
using namespace Qt::StringLiterals;

class TestCurlTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void splits_data();
    void splits();
    void reportsUnterminatedQuotes();
    void stopsAtShellOperators();
};

void TestCurlTokenizer::splits_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");

    QTest::newRow("plain") << u"curl -s https://a.example/x"_s
                           << QStringList{u"curl"_s, u"-s"_s, u"https://a.example/x"_s};
    QTest::newRow("single quotes keep everything")
        << u"curl 'a \"b\" $HOME \\n'"_s << QStringList{u"curl"_s, u"a \"b\" $HOME \\n"_s};
    QTest::newRow("double quote escapes")
        << u"curl \"a \\\"b\\\" \\$x \\\\ \\n\""_s << QStringList{u"curl"_s, u"a \"b\" $x \\ \\n"_s};
    QTest::newRow("adjacent quoting joins one word")
        << u"curl -d 'it'\\''s'\"!\""_s << QStringList{u"curl"_s, u"-d"_s, u"it's!"_s};
    QTest::newRow("empty quoted word") << u"curl -H ''"_s << QStringList{u"curl"_s, u"-H"_s, QString()};
    QTest::newRow("continuation") << u"curl \\\n  -X POST \\\n  url"_s
                                  << QStringList{u"curl"_s, u"-X"_s, u"POST"_s, u"url"_s};
    QTest::newRow("crlf continuation") << u"curl \\\r\n -k url\r\n"_s << QStringList{u"curl"_s, u"-k"_s, u"url"_s};
    QTest::newRow("ansi-c escapes") << u"curl $'a\\nb\\tc\\'d\\\\e\\x41\\u00e9\\101'"_s
                                    << QStringList{u"curl"_s, u"a\nb\tc'd\\eA\u00e9A"_s};
    QTest::newRow("ansi-c utf-8 bytes") << u"curl $'caf\\xc3\\xa9'"_s << QStringList{u"curl"_s, u"caf\u00e9"_s};
    QTest::newRow("shell variables") << u"curl -H \"Authorization: Bearer $TOKEN\" ${BASE}/x '$NOT'"_s
                                     << QStringList{u"curl"_s, u"-H"_s, u"Authorization: Bearer {{TOKEN}}"_s,
                                                    u"{{BASE}}/x"_s, u"$NOT"_s};
    QTest::newRow("lone dollar") << u"$ curl x"_s << QStringList{u"$"_s, u"curl"_s, u"x"_s};
    QTest::newRow("comment line") << u"# docs\ncurl x # trailing"_s << QStringList{u"curl"_s, u"x"_s};
    QTest::newRow("unquoted backslash") << u"curl a\\ b"_s << QStringList{u"curl"_s, u"a b"_s};
}

void TestCurlTokenizer::splits()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    const CurlTokenizer::Result result = CurlTokenizer::tokenize(command);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.args, args);
}

void TestCurlTokenizer::reportsUnterminatedQuotes()
{
    QVERIFY(!CurlTokenizer::tokenize(u"curl 'abc"_s).ok());
    QVERIFY(!CurlTokenizer::tokenize(u"curl \"abc"_s).ok());
    QVERIFY(!CurlTokenizer::tokenize(u"curl $'abc"_s).ok());
    QVERIFY(CurlTokenizer::tokenize(u"curl 'abc'"_s).ok());
}

void TestCurlTokenizer::stopsAtShellOperators()
{
    const CurlTokenizer::Result result = CurlTokenizer::tokenize(u"curl -s url | jq .name > out.json"_s);
    QCOMPARE(result.args, (QStringList{u"curl"_s, u"-s"_s, u"url"_s}));
    QCOMPARE(result.ignored, QStringList{u"| jq .name > out.json"_s});
    const CurlTokenizer::Result quoted = CurlTokenizer::tokenize(u"curl 'a;b|c&d'"_s);
    QCOMPARE(quoted.args, (QStringList{u"curl"_s, u"a;b|c&d"_s}));
}

QTEST_GUILESS_MAIN(TestCurlTokenizer)
#include "TestCurlTokenizer.moc"
