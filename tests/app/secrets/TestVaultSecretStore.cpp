#include "secrets/VaultSecretStore.h"
#include "support/Await.h"

#include <QFile>
#include <QTemporaryDir>

#include <QTest>

#include <optional>

using tb::SecretResult;
using tb::VaultSecretStore;

class TestVaultSecretStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path() const { return m_dir.filePath(QStringLiteral("sub/secrets.vault")); }

    SecretResult wait(const std::function<void(QObject*, tb::SecretStore::Callback)>& call)
    {
        const auto result = tb::test::await<SecretResult>([&](auto done) { call(this, done); });
        return result.value_or(SecretResult::failure(QStringLiteral("timed out")));
    }
    SecretResult write(VaultSecretStore& store, const QString& key, const QByteArray& value)
    {
        return wait([&](QObject* c, auto done) { store.write(key, value, c, done); });
    }
    SecretResult read(VaultSecretStore& store, const QString& key)
    {
        return wait([&](QObject* c, auto done) { store.read(key, c, done); });
    }
    static QByteArray fileBytes(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void init() { QFile::remove(path()); }

    void roundTripAcrossInstances()
    {
        const QByteArray big(5000, 'x');
        {
            VaultSecretStore store(path(), "correct horse");
            QVERIFY(read(store, QStringLiteral("a")).notFound()); // no file yet
            {
                const auto w = write(store, QStringLiteral("a"), "alpha-secret-value");
                QVERIFY2(w.ok(), qPrintable(w.error));
            }
            {
                const auto w = write(store, QStringLiteral("b"), big);
                QVERIFY2(w.ok(), qPrintable(w.error));
            }
            QCOMPARE(read(store, QStringLiteral("a")).value, QByteArray("alpha-secret-value"));
        }
        VaultSecretStore again(path(), "correct horse");
        QCOMPARE(read(again, QStringLiteral("a")).value, QByteArray("alpha-secret-value"));
        QCOMPARE(read(again, QStringLiteral("b")).value, big);
        QVERIFY(wait([&](QObject* c, auto done) { again.remove(QStringLiteral("a"), c, done); }).ok());
        QVERIFY(read(again, QStringLiteral("a")).notFound());
        QCOMPARE(read(again, QStringLiteral("b")).value, big);

        const QByteArray bytes = fileBytes(path());
        QVERIFY(bytes.startsWith("TBVAULT\x01"));
        QVERIFY(!bytes.contains("alpha-secret-value"));
        QVERIFY(!bytes.contains("xxxxxxxx"));
        QCOMPARE(QFile::permissions(path()) & 0x0077, QFileDevice::Permissions()); // group/other: nothing
        QVERIFY(again.description().contains(path()));
    }

    void freshSaltAndNonceOnEveryWrite()
    {
        VaultSecretStore store(path(), "pass");
        {
            const auto w = write(store, QStringLiteral("k"), "v");
            QVERIFY2(w.ok(), qPrintable(w.error));
        }
        const QByteArray first = fileBytes(path());
        {
            const auto w = write(store, QStringLiteral("k"), "v");
            QVERIFY2(w.ok(), qPrintable(w.error));
        }
        const QByteArray second = fileBytes(path());
        QCOMPARE(first.size(), second.size());
        // Same content, yet salt (11..27) and nonce (27..39) both changed.
        QVERIFY(first.mid(11, 16) != second.mid(11, 16));
        QVERIFY(first.mid(27, 12) != second.mid(27, 12));
        QCOMPARE(static_cast<int>(second.at(8)), 15); // N = 2^15
        QVERIFY(!QFile::exists(path() + QStringLiteral(".lock")));
    }

    void weakParametersAreRaised()
    {
        VaultSecretStore store(path(), "pass", tb::VaultParams{10, 8, 1});
        {
            const auto w = write(store, QStringLiteral("k"), "v");
            QVERIFY2(w.ok(), qPrintable(w.error));
        }
        QCOMPARE(static_cast<int>(fileBytes(path()).at(8)), 15);
    }

    void wrongPassphraseLeavesTheFileUntouched()
    {
        {
            VaultSecretStore store(path(), "right");
            {
                const auto w = write(store, QStringLiteral("k"), "v");
                QVERIFY2(w.ok(), qPrintable(w.error));
            }
        }
        const QByteArray before = fileBytes(path());
        VaultSecretStore wrong(path(), "wrong");
        const SecretResult r = read(wrong, QStringLiteral("k"));
        QCOMPARE(r.status, SecretResult::Status::Error);
        QVERIFY2(r.error.contains(u"passphrase is wrong"), qPrintable(r.error));
        QVERIFY(r.error.contains(u"TOKENBENCH_VAULT_PASSPHRASE"));
        const SecretResult w = write(wrong, QStringLiteral("k2"), "v2");
        QVERIFY(!w.ok());
        QVERIFY(wait([&](QObject* c, auto done) { wrong.check(c, done); }).error.contains(u"passphrase is wrong"));
        QCOMPARE(fileBytes(path()), before);
    }

    void tamperingIsDetected_data()
    {
        QTest::addColumn<int>("offset"); // negative: from the end
        QTest::newRow("ciphertext") << 60;
        QTest::newRow("tag") << -1;
        QTest::newRow("nonce") << 30;
    }
    void tamperingIsDetected()
    {
        QFETCH(int, offset);
        {
            VaultSecretStore store(path(), "pass");
            {
                const auto w = write(store, QStringLiteral("k"), QByteArray(64, 's'));
                QVERIFY2(w.ok(), qPrintable(w.error));
            }
        }
        QByteArray bytes = fileBytes(path());
        const int at = offset < 0 ? static_cast<int>(bytes.size()) + offset : offset;
        bytes[at] = static_cast<char>(bytes.at(at) ^ 0x01);
        {
            QFile f(path());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        VaultSecretStore store(path(), "pass");
        const SecretResult r = read(store, QStringLiteral("k"));
        QCOMPARE(r.status, SecretResult::Status::Error);
        QVERIFY2(r.error.contains(u"altered or damaged"), qPrintable(r.error));
        QVERIFY(!write(store, QStringLiteral("k"), "new").ok());
        QCOMPARE(fileBytes(path()), bytes);
    }

    void garbageFile()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("sub")));
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a vault at all");
        f.close();
        VaultSecretStore store(path(), "pass");
        const SecretResult r = read(store, QStringLiteral("k"));
        QVERIFY(r.error.contains(u"not a Tokenbench vault"));
        QCOMPARE(fileBytes(path()), QByteArray("not a vault at all"));
    }

    void seesWritesFromAnotherInstance()
    {
        VaultSecretStore a(path(), "pass");
        VaultSecretStore b(path(), "pass");
        {
            const auto w = write(a, QStringLiteral("one"), "1");
            QVERIFY2(w.ok(), qPrintable(w.error));
        }
        {
            const auto w = write(b, QStringLiteral("two"), "2");
            QVERIFY2(w.ok(), qPrintable(w.error));
        } // b starts from the file, keeps "one"
        QCOMPARE(read(a, QStringLiteral("two")).value, QByteArray("2"));
        QCOMPARE(read(a, QStringLiteral("one")).value, QByteArray("1"));
    }
};

QTEST_GUILESS_MAIN(TestVaultSecretStore)
#include "TestVaultSecretStore.moc"
