#include "auth/Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using tb::Pkce;

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void rfc7636AppendixB()
    {
        const Pkce pkce = Pkce::fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        QCOMPARE(pkce.challenge(), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QCOMPARE(QByteArray(Pkce::method), QByteArray("S256"));
    }

    void generatedVerifierIsValidAndFresh()
    {
        static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
        QSet<QByteArray> seen;
        for (int i = 0; i < 20; ++i) {
            const Pkce pkce = Pkce::generate();
            QVERIFY2(unreserved.match(QString::fromLatin1(pkce.verifier())).hasMatch(), pkce.verifier().constData());
            QCOMPARE(pkce.challenge(), Pkce::challengeFor(pkce.verifier()));
            QVERIFY(!pkce.challenge().contains('='));
            seen.insert(pkce.verifier());
        }
        QCOMPARE(seen.size(), 20);
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "TestPkce.moc"
