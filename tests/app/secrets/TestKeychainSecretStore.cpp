#include "secrets/KeychainSecretStore.h"
#include "support/Await.h"

#include <QProcessEnvironment>

#include <QTest>
#include <QUuid>

#include <qt6keychain/keychain.h>

#include <optional>

using tb::KeychainSecretStore;
using tb::SecretResult;
using tb::SecretStore;

// Runs against a real Secret Service: `./scripts/dev check` starts gnome-keyring in a private D-Bus session and sets
// TOKENBENCH_KEYRING=1.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    // A service of its own per run, so runs never see each other's entries.
    const QString m_service = QStringLiteral("tokenbench-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    SecretResult wait(const std::function<void(QObject*, tb::SecretStore::Callback)>& call)
    {
        const auto result = tb::test::await<SecretResult>([&](auto done) { call(this, done); });
        return result.value_or(SecretResult::failure(QStringLiteral("timed out")));
    }
    // What QtKeychain holds under `key`, bypassing our layout.
    std::optional<QByteArray> rawEntry(const QString& key)
    {
        std::optional<QByteArray> value;
        bool finished = false;
        auto* job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [&, job] {
            if (job->error() == QKeychain::NoError)
                value = job->binaryData();
            finished = true;
        });
        job->start();
        if (!QTest::qWaitFor([&] { return finished; }, 20'000))
            return std::nullopt;
        return value;
    }

private slots:
    void initTestCase()
    {
        if (QProcessEnvironment::systemEnvironment().value(QStringLiteral("TOKENBENCH_KEYRING")) != u"1")
            QSKIP("no private keyring session: run through ./scripts/dev check (TOKENBENCH_KEYRING=1 is not set)");
        KeychainSecretStore store(m_service);
        const SecretResult r = wait([&](QObject* c, auto done) { store.probe(c, done); });
        QVERIFY2(r.ok(), qPrintable(r.error));
    }

    void roundTrip()
    {
        KeychainSecretStore store(m_service);
        const QString key = SecretStore::keyFor(QStringLiteral("ws-1"), QStringLiteral("demo"), QStringLiteral("s"));
        QVERIFY(wait([&](QObject* c, auto done) { store.read(key, c, done); }).notFound());
        SecretResult w = wait([&](QObject* c, auto done) { store.write(key, "small-secret", c, done); });
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(wait([&](QObject* c, auto done) { store.read(key, c, done); }).value, QByteArray("small-secret"));
        QCOMPARE(rawEntry(key), std::optional<QByteArray>("Vsmall-secret"));

        // Another workspace, same profile and item: another entry.
        const QString other = SecretStore::keyFor(QStringLiteral("ws-2"), QStringLiteral("demo"), QStringLiteral("s"));
        QVERIFY(wait([&](QObject* c, auto done) { store.read(other, c, done); }).notFound());

        QVERIFY(wait([&](QObject* c, auto done) { store.remove(key, c, done); }).ok());
        QVERIFY(wait([&](QObject* c, auto done) { store.read(key, c, done); }).notFound());
        QVERIFY(wait([&](QObject* c, auto done) { store.remove(key, c, done); }).ok()); // idempotent
    }

    void bigValuesAreChunked()
    {
        KeychainSecretStore store(m_service);
        const QString key = QStringLiteral("ws/demo/big");
        QByteArray big;
        for (int i = 0; i < 5000; ++i)
            big.append(static_cast<char>('a' + i % 26));
        SecretResult w = wait([&](QObject* c, auto done) { store.write(key, big, c, done); });
        QVERIFY2(w.ok(), qPrintable(w.error));
        const auto manifest = rawEntry(key);
        QVERIFY(manifest && manifest->startsWith('C') && manifest->endsWith(":3"));
        const QByteArray generation = manifest->mid(1, manifest->indexOf(':') - 1);
        const QString part0 = key + QLatin1Char('#') + QString::fromLatin1(generation) + QStringLiteral("/0");
        QCOMPARE(rawEntry(part0)->size(), KeychainSecretStore::chunkSize);
        QCOMPARE(wait([&](QObject* c, auto done) { store.read(key, c, done); }).value, big);

        // Rewriting with a small value removes the old parts.
        QVERIFY(wait([&](QObject* c, auto done) { store.write(key, "tiny", c, done); }).ok());
        QVERIFY(!rawEntry(part0));
        QCOMPARE(wait([&](QObject* c, auto done) { store.read(key, c, done); }).value, QByteArray("tiny"));

        // And remove() takes the parts with it.
        QVERIFY(wait([&](QObject* c, auto done) { store.write(key, big + big, c, done); }).ok());
        const auto second = rawEntry(key);
        QVERIFY(second && second->endsWith(":5"));
        QVERIFY(wait([&](QObject* c, auto done) { store.remove(key, c, done); }).ok());
        const QByteArray gen2 = second->mid(1, second->indexOf(':') - 1);
        QVERIFY(!rawEntry(key + QLatin1Char('#') + QString::fromLatin1(gen2) + QStringLiteral("/4")));
    }

    void operationsKeepTheirOrder()
    {
        KeychainSecretStore store(m_service);
        const QString key = QStringLiteral("ws/demo/order");
        QStringList seen;
        store.write(key, "1", this, [&](const SecretResult&) { seen << QStringLiteral("w1"); });
        store.write(key, QByteArray(3000, '2'), this, [&](const SecretResult&) { seen << QStringLiteral("w2"); });
        std::optional<SecretResult> read;
        store.read(key, this, [&](const SecretResult& r) {
            seen << QStringLiteral("r");
            read = r;
        });
        QVERIFY(seen.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20'000);
        QCOMPARE(seen, (QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("r")}));
        QCOMPARE(read->value, QByteArray(3000, '2'));
        QVERIFY(wait([&](QObject* c, auto done) { store.remove(key, c, done); }).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
