#include "server/crypto/PasswordHasher.h"
#include "server/crypto/Pbkdf2.h"
#include "server/crypto/TokenCrypto.h"

#include <QSet>
#include <QTest>

#include <openssl/evp.h>

using namespace tb::server;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void pbkdf2MatchesOpenSsl_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("length");
        QTest::newRow("short") << QByteArray("password") << QByteArray("salt") << 1 << 32;
        QTest::newRow("many") << QByteArray("alice-password-1") << QByteArray("abcdefghijklmnopqrstuv") << 1000 << 32;
        QTest::newRow("long key") << QByteArray(100, 'k') << QByteArray("s") << 3 << 32;
        QTest::newRow("two blocks") << QByteArray("p") << QByteArray("s") << 5 << 40;
        QTest::newRow("empty") << QByteArray() << QByteArray() << 2 << 32;
    }

    void pbkdf2MatchesOpenSsl()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(int, length);
        QByteArray expected(length, '\0');
        QVERIFY(PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                                  reinterpret_cast<const unsigned char*>(salt.constData()), int(salt.size()),
                                  iterations, EVP_sha256(), length,
                                  reinterpret_cast<unsigned char*>(expected.data())) == 1);
        QCOMPARE(pbkdf2Sha256(password, salt, iterations, length), expected);
    }

    void rfc7914Vector()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 ("passwd", "salt", c=1, dkLen=64).
        QCOMPARE(pbkdf2Sha256("passwd", "salt", 1, 64).toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
    }

    void verifiesDjangoHash()
    {
        // alice's hash from the Django reference peer's database (Django 3.2, 260000 iterations).
        const QByteArray django =
            "pbkdf2_sha256$260000$hz6uAkEpq19Fm1wDWebndt$+3z9pEoIq6KMMubQ20zKHbx5AhLReypnFkgLsJ/+22A=";
        QVERIFY(PasswordHasher::verify(django, "alice-password-1"));
        QVERIFY(!PasswordHasher::verify(django, "alice-password-2"));
        // hashlib.pbkdf2_hmac("sha256", b"alice-password-1", b"abcdefghijklmnopqrstuv", 1000), base64.
        QVERIFY(PasswordHasher::verify(
            "pbkdf2_sha256$1000$abcdefghijklmnopqrstuv$Hy7wj+/cbjDa0mGP752skvzagdMKQVNOb0iz7LPd7lk=",
            "alice-password-1"));
        QCOMPARE(PasswordHasher::hash("alice-password-1", 1000, "abcdefghijklmnopqrstuv"),
                 QByteArray("pbkdf2_sha256$1000$abcdefghijklmnopqrstuv$Hy7wj+/cbjDa0mGP752skvzagdMKQVNOb0iz7LPd7lk="));
    }

    void hashFormat()
    {
        const QByteArray hash = PasswordHasher::hash("secret", 1234);
        const QList<QByteArray> parts = hash.split('$');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts[0], QByteArray("pbkdf2_sha256"));
        QCOMPARE(parts[1], QByteArray("1234"));
        QCOMPARE(parts[2].size(), 22);
        QCOMPARE(QByteArray::fromBase64(parts[3]).size(), 32);
        QVERIFY(PasswordHasher::verify(hash, "secret"));
        QVERIFY(!PasswordHasher::verify(hash, "Secret"));
        QVERIFY(PasswordHasher::hash("secret", 1234) != hash); // random salt
    }

    void rejectsGarbage()
    {
        for (const QByteArray& bad :
             {QByteArray(), QByteArray("!unusable"), QByteArray("md5$1$x$y"),
              QByteArray("pbkdf2_sha256$abc$salt$aGFzaA=="), QByteArray("pbkdf2_sha256$0$salt$aGFzaA=="),
              QByteArray("pbkdf2_sha256$1$$aGFzaA=="), QByteArray("pbkdf2_sha256$1$salt$")}) {
            QVERIFY2(!PasswordHasher::verify(bad, "x"), bad.constData());
        }
    }

    void tokens()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray token = generateToken();
            QCOMPARE(token.size(), 30);
            for (char c : token) {
                QVERIFY(std::isalnum(static_cast<unsigned char>(c)));
            }
            QVERIFY(!seen.contains(token));
            seen.insert(token);
        }
        QCOMPARE(tokenDigest("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void constantTimeCompare()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QVERIFY(constantTimeEquals({}, {}));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
