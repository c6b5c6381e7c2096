#include "auth/TokenSet.h"

#include <QTest>

using tb::TokenSet;

class TestTokenSet : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        TokenSet t;
        t.accessToken = QStringLiteral("at");
        t.refreshToken = QStringLiteral("rt");
        t.tokenType = QStringLiteral("bearer");
        t.scope = QStringLiteral("read");
        t.idToken = QStringLiteral("a.b.c");
        t.obtainedAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0, 0, 250), Qt::UTC);
        t.expiresAt = t.obtainedAt.addSecs(3600);
        t.extra = QJsonObject{{QStringLiteral("custom"), 1}};
        QCOMPARE(TokenSet::fromJson(t.toJson()), t);
        QCOMPARE(t.lifetimeSeconds(), 3600);
        QCOMPARE(t.authorizationScheme(), QStringLiteral("Bearer"));
    }

    void unknownLifetimeNeverExpires()
    {
        TokenSet t;
        t.accessToken = QStringLiteral("at");
        t.obtainedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(!t.lifetimeKnown());
        QCOMPARE(t.lifetimeSeconds(), -1);
        QVERIFY(!t.isExpired(t.obtainedAt.addYears(10)));
        QVERIFY(!TokenSet::fromJson(t.toJson()).expiresAt.isValid());
    }

    void expiry()
    {
        TokenSet t;
        t.obtainedAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        t.expiresAt = t.obtainedAt.addSecs(60);
        QVERIFY(!t.isExpired(t.obtainedAt.addSecs(59)));
        QVERIFY(t.isExpired(t.obtainedAt.addSecs(60)));
        QCOMPARE(t.secondsRemaining(t.obtainedAt.addSecs(20)), 40);
    }
};

QTEST_GUILESS_MAIN(TestTokenSet)
#include "TestTokenSet.moc"
