#include "response/HexLines.h"
#include "response/LineIndex.h"

#include <QTest>

using tb::ui::HexLines;
using tb::ui::LineIndex;

namespace {
QStringList allLines(const LineIndex& index)
{
    QStringList lines;
    for (qsizetype i = 0; i < index.lineCount(); ++i)
        lines << index.lineText(i);
    return lines;
}
} // namespace

class TestLineIndex : public QObject
{
    Q_OBJECT

private slots:
    void prettyPrintsNestedJson()
    {
        const auto result = LineIndex::buildPrettyJson(
            " {\"a\":1, \"b\" : [1,2],\"c\":{ },\"d\":\"x,{y}\\\"]\",\"e\":[{\"f\":null}]} ");
        QVERIFY2(result.index, qPrintable(result.error));
        const QStringList expected = {
            u"{"_qs,          u"  \"a\": 1,"_qs, u"  \"b\": ["_qs,        u"    1,"_qs,
            u"    2"_qs,      u"  ],"_qs,        u"  \"c\": {},"_qs,      u"  \"d\": \"x,{y}\\\"]\","_qs,
            u"  \"e\": ["_qs, u"    {"_qs,       u"      \"f\": null"_qs, u"    }"_qs,
            u"  ]"_qs,        u"}"_qs,
        };
        QCOMPARE(allLines(*result.index), expected);
    }

    void keepsJsonLinesApart()
    {
        const auto result = LineIndex::buildPrettyJson("{\"a\":1}\n{\"b\":2}\n");
        QVERIFY(result.index);
        QCOMPARE(allLines(*result.index),
                 QStringList({u"{"_qs, u"  \"a\": 1"_qs, u"}"_qs, u"{"_qs, u"  \"b\": 2"_qs, u"}"_qs}));
    }

    void reportsMalformedJsonWithItsPlace()
    {
        const auto mismatched = LineIndex::buildPrettyJson("{\"a\":[1,2}}");
        QVERIFY(!mismatched.index);
        QVERIFY2(mismatched.error.contains(u"unexpected }") && mismatched.error.contains(u"byte 9"),
                 qPrintable(mismatched.error));
        const auto unterminated = LineIndex::buildPrettyJson("{\"a\":\"never closed");
        QVERIFY(!unterminated.index);
        QVERIFY(unterminated.error.contains(u"unterminated string"));
        QVERIFY(!LineIndex::buildPrettyJson("plain text").index);
    }

    void splitsRawLines()
    {
        const auto result = LineIndex::buildRaw("one\r\ntwo\n\nfour");
        QVERIFY(result.index);
        QCOMPARE(allLines(*result.index), QStringList({u"one"_qs, u"two"_qs, QString(), u"four"_qs}));
        QCOMPARE(result.index->lineAt(0), 0);
        QCOMPARE(result.index->lineAt(5), 1);
        QCOMPARE(result.index->lineAt(10), 3);
    }

    void cutsVeryLongLines()
    {
        const auto result = LineIndex::buildRaw(QByteArray(50000, 'x'));
        QVERIFY(result.index);
        const QString line = result.index->lineText(0);
        QVERIFY(line.size() < 10100);
        QVERIFY(line.endsWith(u"…"));
    }

    void cancelsFromTheProgressCallback()
    {
        QByteArray big = "[";
        for (int i = 0; i < 700000; ++i)
            big += "1,";
        big += "1]";
        int reports = 0;
        const auto result = LineIndex::buildPrettyJson(big, [&reports](qint64 done, qint64 total) {
            [&] { QVERIFY(done <= total); }();
            return ++reports < 1;
        });
        QVERIFY(result.cancelled);
        QVERIFY(!result.index);
        QCOMPARE(reports, 1);
    }

    void dumpsHex()
    {
        const HexLines hex(QByteArray("Hello, world!\x00\x01\xff"
                                      "abc",
                                      19));
        QCOMPARE(hex.lineCount(), 2);
        QCOMPARE(hex.lineText(0), u"00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 00 01 ff  |Hello, world!...|"_qs);
        QVERIFY(hex.lineText(1).startsWith(u"00000010  61 62 63 "));
        QCOMPARE(hex.lineAt(17), 1);
    }
};

QTEST_GUILESS_MAIN(TestLineIndex)
#include "TestLineIndex.moc"
