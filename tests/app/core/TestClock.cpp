#include "core/MockClock.h"
#include "core/SystemClock.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>

using tb::MockClock;

class TestClock : public QObject
{
    Q_OBJECT

private slots:
    void mockClockFiresInDeadlineOrder()
    {
        MockClock clock;
        QObject context;
        const QDateTime start = clock.now();
        QStringList fired;
        clock.callAt(start.addSecs(30), &context,
                     [&] { fired << QStringLiteral("30@%1").arg(start.secsTo(clock.now())); });
        clock.callAt(start.addSecs(10), &context,
                     [&] { fired << QStringLiteral("10@%1").arg(start.secsTo(clock.now())); });
        clock.advance(5);
        QVERIFY(fired.isEmpty());
        QCOMPARE(clock.pendingCount(), 2);
        QCOMPARE(clock.nextDeadline(), start.addSecs(10));
        clock.advance(100);
        QCOMPARE(fired, (QStringList{QStringLiteral("10@10"), QStringLiteral("30@30")}));
        QCOMPARE(start.secsTo(clock.now()), 105);
        QCOMPARE(clock.pendingCount(), 0);
    }

    void mockClockCancelAndDeadContext()
    {
        MockClock clock;
        int fired = 0;
        auto context = std::make_unique<QObject>();
        const auto id = clock.callAt(clock.now().addSecs(1), context.get(), [&] { ++fired; });
        clock.callAt(clock.now().addSecs(1), context.get(), [&] { fired += 10; });
        clock.cancel(id);
        QCOMPARE(clock.pendingCount(), 1);
        context.reset();
        QCOMPARE(clock.pendingCount(), 0);
        clock.advance(2);
        QCOMPARE(fired, 0);
    }

    void mockClockCallbackMaySchedule()
    {
        MockClock clock;
        QObject context;
        int fired = 0;
        clock.callAt(clock.now().addSecs(10), &context, [&] {
            ++fired;
            clock.callAt(clock.now().addSecs(10), &context, [&] { ++fired; });
        });
        clock.advance(25);
        QCOMPARE(fired, 2);
    }

    void mockClockIsUtc() { QCOMPARE(MockClock().now().timeSpec(), Qt::UTC); }

    void systemClockFiresOnTheEventLoop()
    {
        tb::SystemClock clock;
        QObject context;
        bool fired = false;
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        clock.callAt(clock.now().addMSecs(20), &context, [&] { fired = true; });
        QVERIFY(!fired);
        QTRY_VERIFY(fired);
    }

    void systemClockPastDeadlineIsStillAsynchronous()
    {
        bool fired = false;
        QObject context;
        tb::Clock::system()->callAt(QDateTime::currentDateTimeUtc().addSecs(-5), &context, [&] { fired = true; });
        QVERIFY(!fired);
        QTRY_VERIFY(fired);
    }

    void systemClockCancel()
    {
        tb::SystemClock clock;
        QObject context;
        bool fired = false;
        bool other = false;
        const auto id = clock.callAt(clock.now().addMSecs(10), &context, [&] { fired = true; });
        clock.callAt(clock.now().addMSecs(30), &context, [&] { other = true; });
        clock.cancel(id);
        QTRY_VERIFY(other);
        QVERIFY(!fired);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "TestClock.moc"
