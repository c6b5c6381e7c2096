#include "http/RequestSpec.h"

#include <QTest>

using namespace tb;

class TestRequestSpec : public QObject
{
    Q_OBJECT

private slots:
    void methodTokens_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("valid");
        QTest::newRow("GET") << QStringLiteral("GET") << true;
        QTest::newRow("custom verb") << QStringLiteral("PURGE") << true;
        QTest::newRow("tchar punctuation") << QStringLiteral("M-SEARCH.x_y~!") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("GE T") << false;
        QTest::newRow("colon") << QStringLiteral("GET:") << false;
        QTest::newRow("non-ascii") << QStringLiteral("G\u00c9T") << false;
    }
    void methodTokens()
    {
        QFETCH(QString, method);
        QFETCH(bool, valid);
        QCOMPARE(RequestSpec::isValidMethod(method), valid);
    }

    void kindNamesRoundTrip()
    {
        for (auto kind : {RequestBody::Kind::None, RequestBody::Kind::Raw, RequestBody::Kind::UrlEncoded,
                          RequestBody::Kind::Multipart, RequestBody::Kind::Binary}) {
            QCOMPARE(RequestBody::kindFromName(RequestBody::kindName(kind)), kind);
        }
        for (auto kind : {AuthSpec::Kind::Inherit, AuthSpec::Kind::None, AuthSpec::Kind::Bearer, AuthSpec::Kind::Basic,
                          AuthSpec::Kind::ApiKey, AuthSpec::Kind::OAuth2}) {
            QCOMPARE(AuthSpec::kindFromName(AuthSpec::kindName(kind)), kind);
        }
        QCOMPARE(AuthSpec::kindName(AuthSpec::Kind::OAuth2), QStringLiteral("oauth2"));
        QVERIFY(!AuthSpec::kindFromName(u"kerberos").has_value());
        QVERIFY(!RequestBody::kindFromName(u"graphql").has_value());
        QCOMPARE(AuthSpec::apiKeyLocationFromName(AuthSpec::apiKeyLocationName(AuthSpec::ApiKeyLocation::Query)),
                 AuthSpec::ApiKeyLocation::Query);
    }

    void equalityCoversNestedFields()
    {
        RequestSpec a;
        a.url = QStringLiteral("https://{{host}}/users");
        a.headers = {{QStringLiteral("X-A"), QStringLiteral("1"), true}};
        a.body.kind = RequestBody::Kind::Multipart;
        a.body.parts = {{MultipartRow::Kind::File, QStringLiteral("f"), QStringLiteral("/tmp/x"), {}, true}};
        a.auth.kind = AuthSpec::Kind::Bearer;
        a.auth.token = QStringLiteral("{{token}}");
        RequestSpec b = a;
        QCOMPARE(a, b);
        b.headers[0].enabled = false;
        QVERIFY(a != b);
        b = a;
        b.body.parts[0].kind = MultipartRow::Kind::Text;
        QVERIFY(a != b);
        b = a;
        b.options.proxy.mode = ProxySpec::Mode::None;
        QVERIFY(a != b);
        b = a;
        b.auth.token = QStringLiteral("other");
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestRequestSpec)
#include "TestRequestSpec.moc"
