#include "auth/JwtView.h"

#include <QTest>

using tb::JwtView;

namespace {
QString part(const QByteArray& s)
{
    return QString::fromLatin1(s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

class TestJwtView : public QObject
{
    Q_OBJECT

private slots:
    void decodesHeaderClaimsAndTimes()
    {
        const QString token = part(R"({"alg":"RS256","kid":"k1"})") + u'.' +
                              part(R"({"sub":"alice","iat":1767268800,"nbf":1767268800,"exp":1767272400})") +
                              QStringLiteral(".c2lnbmF0dXJl");
        const auto jwt = JwtView::decode(token);
        QVERIFY(jwt);
        QCOMPARE(jwt->algorithm(), QStringLiteral("RS256"));
        QCOMPARE(jwt->claims().value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        const QDateTime iat(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(jwt->issuedAt(), iat);
        QCOMPARE(jwt->notBefore(), iat);
        QCOMPARE(jwt->expiresAt(), iat.addSecs(3600));
        QCOMPARE(jwt->secondsRemaining(iat.addSecs(600)), qint64(3000));
        QVERIFY(!JwtView::signatureVerified());
        QVERIFY(jwt->signatureStatus().contains(u"NOT verified"));
        const QString text = jwt->describe(iat.addSecs(600));
        QVERIFY(text.contains(u"remaining: 3000 s"));
        QVERIFY(text.contains(u"NOT verified"));
        QVERIFY(!text.contains(u"signature: verified"));
    }

    void unsignedToken()
    {
        const auto jwt = JwtView::decode(part(R"({"alg":"none"})") + u'.' + part(R"({"sub":"x"})") + u'.');
        QVERIFY(jwt);
        QVERIFY(!jwt->hasSignature());
        QVERIFY(jwt->signatureStatus().startsWith(u"unsigned"));
        QVERIFY(!jwt->expiresAt().isValid());
        QVERIFY(!jwt->secondsRemaining(QDateTime::currentDateTimeUtc()));
    }

    void opaqueTokensAreNotJwts_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("django") << QStringLiteral("FnEgoxNQS1wD8h0dXjt2GgnjBAPwg7");
        QTest::newRow("two parts") << QStringLiteral("abc.def");
        QTest::newRow("not json") << (part("hello") + u'.' + part("world") + QStringLiteral(".x"));
        QTest::newRow("bad base64") << QStringLiteral("%%%.%%%.x");
        QTest::newRow("array claims") << (part(R"({"alg":"none"})") + u'.' + part("[1]") + QStringLiteral(".x"));
    }
    void opaqueTokensAreNotJwts()
    {
        QFETCH(QString, token);
        QVERIFY(!JwtView::decode(token));
    }
};

QTEST_GUILESS_MAIN(TestJwtView)
#include "TestJwtView.moc"
