#include "secrets/DeferredSecretStore.h"
#include "secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

using tb::DeferredSecretStore;
using tb::SecretResult;

// Operations issued before the real store is chosen wait, keep their order, and run on it; without a store they
// fail with the reason.
class TestDeferredSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void waitsThenRunsInOrder()
    {
        DeferredSecretStore store;
        QCOMPARE(store.description(), u"choosing…"_qs);
        QStringList log;
        store.write(u"k"_qs, "v1", this, [&log](const SecretResult& r) { log << u"write %1"_qs.arg(r.ok()); });
        store.read(u"k"_qs, this, [&log](const SecretResult& r) { log << u"read "_qs + QString::fromUtf8(r.value); });
        QCoreApplication::processEvents();
        QVERIFY(log.isEmpty()); // nothing runs before a store is chosen
        QSignalSpy settled(&store, &DeferredSecretStore::settled);
        store.setStore(std::make_unique<tb::MemorySecretStore>());
        QCOMPARE(settled.size(), 1);
        QCOMPARE(store.kind(), tb::SecretStore::Kind::Memory);
        QTRY_COMPARE(log, (QStringList{u"write 1"_qs, u"read v1"_qs}));

        // Once settled, calls go straight through.
        store.remove(u"k"_qs, this, [&log](const SecretResult& r) { log << u"remove %1"_qs.arg(r.ok()); });
        store.read(u"k"_qs, this, [&log](const SecretResult& r) { log << u"missing %1"_qs.arg(r.notFound()); });
        QTRY_COMPARE(log.size(), 4);
        QCOMPARE(log.mid(2), (QStringList{u"remove 1"_qs, u"missing 1"_qs}));
    }

    void failsWithTheReasonWithoutAStore()
    {
        DeferredSecretStore store;
        QString error;
        store.read(u"k"_qs, this, [&error](const SecretResult& r) { error = r.error; });
        store.setUnavailable(u"no keychain answers"_qs);
        QTRY_COMPARE(error, u"no keychain answers"_qs);
        QVERIFY(store.description().contains(u"no keychain answers"));
        store.setStore(std::make_unique<tb::MemorySecretStore>()); // too late: the first settlement counts
        QVERIFY(!store.store());
    }

    void dropsOperationsOfDeadContexts()
    {
        DeferredSecretStore store;
        bool called = false;
        {
            QObject context;
            store.read(u"k"_qs, &context, [&called](const SecretResult&) { called = true; });
        }
        store.setStore(std::make_unique<tb::MemorySecretStore>());
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_MAIN(TestDeferredSecretStore)
#include "TestDeferredSecretStore.moc"
