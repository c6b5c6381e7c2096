#include "secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using tb::MemorySecretStore;
using tb::SecretResult;
using tb::SecretStore;

class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsAsynchronous()
    {
        MemorySecretStore store;
        std::optional<SecretResult> written;
        store.write(QStringLiteral("k"), QByteArrayLiteral("v"), this, [&](const SecretResult& r) { written = r; });
        QVERIFY(!written); // never from inside the call
        QTRY_VERIFY(written);
        QVERIFY(written->ok());

        std::optional<SecretResult> read;
        store.read(QStringLiteral("k"), this, [&](const SecretResult& r) { read = r; });
        QTRY_VERIFY(read);
        QCOMPARE(read->value, QByteArrayLiteral("v"));

        std::optional<SecretResult> removed;
        store.remove(QStringLiteral("k"), this, [&](const SecretResult& r) { removed = r; });
        QTRY_VERIFY(removed);
        QVERIFY(removed->ok());
        read.reset();
        store.read(QStringLiteral("k"), this, [&](const SecretResult& r) { read = r; });
        QTRY_VERIFY(read);
        QVERIFY(read->notFound());
        QVERIFY(read->error.contains(u"\"k\""));
    }

    void deadContextGetsNoCallback()
    {
        MemorySecretStore store;
        bool called = false;
        bool other = false;
        auto context = std::make_unique<QObject>();
        store.write(QStringLiteral("k"), QByteArrayLiteral("v"), context.get(),
                    [&](const SecretResult&) { called = true; });
        store.read(QStringLiteral("k"), nullptr, [&](const SecretResult&) { other = true; });
        context.reset();
        QTRY_VERIFY(other);
        QVERIFY(!called);
    }

    void keysAreNamespaced()
    {
        QCOMPARE(SecretStore::keyFor(QStringLiteral("ws"), QStringLiteral("demo"), QStringLiteral("tokens")),
                 QStringLiteral("ws/demo/tokens"));
        // A '/' inside a part cannot make two different triples collide.
        QVERIFY(SecretStore::keyFor(QStringLiteral("a/b"), QStringLiteral("c"), QStringLiteral("d")) !=
                SecretStore::keyFor(QStringLiteral("a"), QStringLiteral("b/c"), QStringLiteral("d")));
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "TestMemorySecretStore.moc"
