#include "workspace/HistoryFilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

class TestHistoryFilter : public QObject
{
    Q_OBJECT

private slots:
    void parsesMethodStatusAndUrl()
    {
        History::Query query = HistoryFilter::parse(u"  get 404 /users "_s);
        QCOMPARE(query.method, u"GET"_s);
        QCOMPARE(query.statusFrom, 404);
        QCOMPARE(query.statusTo, 404);
        QCOMPARE(query.urlContains, u"/users"_s);

        query = HistoryFilter::parse(u"5XX POST"_s);
        QCOMPARE(query.method, u"POST"_s);
        QCOMPARE(query.statusFrom, 500);
        QCOMPARE(query.statusTo, 599);
        QVERIFY(query.urlContains.isEmpty());

        // Only the first method and status count; later ones are part of the URL search.
        query = HistoryFilter::parse(u"delete put 200 201"_s);
        QCOMPARE(query.method, u"DELETE"_s);
        QCOMPARE(query.statusFrom, 200);
        QCOMPARE(query.urlContains, u"put 201"_s);

        query = HistoryFilter::parse(u"example.org 1234"_s);
        QVERIFY(query.method.isEmpty());
        QCOMPARE(query.statusFrom, 0);
        QCOMPARE(query.urlContains, u"example.org 1234"_s);
    }
};

QTEST_GUILESS_MAIN(TestHistoryFilter)
#include "TestHistoryFilter.moc"
