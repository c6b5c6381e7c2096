#include "request/UrlQuery.h"

#include <QTest>

using tb::KeyValueRow;
using tb::ui::UrlQuery;

class TestUrlQuery : public QObject
{
    Q_OBJECT

private slots:
    void readsRowsAsTyped()
    {
        const auto rows = UrlQuery::rows(u"{{base}}/users?page=2&q=a%20b&flag&x={{token}}#top");
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], (KeyValueRow{u"page"_qs, u"2"_qs, true}));
        QCOMPARE(rows[1], (KeyValueRow{u"q"_qs, u"a%20b"_qs, true}));
        QCOMPARE(rows[2], (KeyValueRow{u"flag"_qs, QString(), true}));
        QCOMPARE(rows[3], (KeyValueRow{u"x"_qs, u"{{token}}"_qs, true}));
        QVERIFY(UrlQuery::rows(u"https://h/p").isEmpty());
    }

    void writesEnabledRowsKeepingTheFragment()
    {
        const QList<KeyValueRow> rows = {{u"a"_qs, u"1"_qs, true}, {u"off"_qs, u"x"_qs, false}, {u"b"_qs, {}, true}};
        QCOMPARE(UrlQuery::withRows(u"https://h/p?old=1#frag", rows), u"https://h/p?a=1&b#frag"_qs);
        QCOMPARE(UrlQuery::withRows(u"https://h/p?old=1", {}), u"https://h/p"_qs);
    }

    void roundTrips()
    {
        const QString url = u"{{base}}/search?q={{term}}&limit=10"_qs;
        QCOMPARE(UrlQuery::withRows(url, UrlQuery::rows(url)), url);
    }
};

QTEST_GUILESS_MAIN(TestUrlQuery)
#include "TestUrlQuery.moc"
