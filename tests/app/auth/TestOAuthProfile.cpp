#include "auth/OAuthProfile.h"

#include <QJsonDocument>
#include <QTest>

using tb::OAuthProfile;

class TestOAuthProfile : public QObject
{
    Q_OBJECT

private:
    static OAuthProfile sample()
    {
        OAuthProfile p;
        p.name = QStringLiteral("demo");
        p.grantType = OAuthProfile::GrantType::Password;
        p.issuer = QStringLiteral("{{base}}");
        p.tokenUrl = QStringLiteral("{{base}}/o/token/");
        p.revocationUrl = QStringLiteral("{{base}}/o/revoke_token/");
        p.clientId = QStringLiteral("client-1");
        p.clientSecretRef = QStringLiteral("env:DEMO_SECRET");
        p.clientAuth = OAuthProfile::ClientAuth::Body;
        p.username = QStringLiteral("alice");
        p.passwordRef = QStringLiteral("password");
        p.scope = QStringLiteral("read write");
        p.tokenParams = {{QStringLiteral("audience"), QStringLiteral("api")},
                         {QStringLiteral("resource"), QStringLiteral("x")}};
        p.authorizeParams = {{QStringLiteral("prompt"), QStringLiteral("consent")}};
        p.refreshLeadSeconds = 42;
        return p;
    }

private slots:
    void roundTrip()
    {
        const OAuthProfile p = sample();
        QString error;
        const auto back = OAuthProfile::fromJson(p.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, p);
    }

    void stableSerialisation()
    {
        // Same profile, same bytes: workspace files diff cleanly in version control.
        const QByteArray a = QJsonDocument(sample().toJson()).toJson();
        const QByteArray b = QJsonDocument(OAuthProfile::fromJson(sample().toJson())->toJson()).toJson();
        QCOMPARE(a, b);
        QVERIFY(a.indexOf("\"authorizationTimeoutSeconds\"") < a.indexOf("\"clientAuth\""));
    }

    void holdsReferencesNotValues()
    {
        const QByteArray json = QJsonDocument(sample().toJson()).toJson();
        QVERIFY(json.contains("\"clientSecretRef\": \"env:DEMO_SECRET\""));
        QVERIFY(!json.contains("\"clientSecret\":"));
        QVERIFY(!json.contains("\"password\":"));
    }

    void rejectsSecretValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("clientSecret") << QStringLiteral("clientSecret");
        QTest::newRow("client_secret") << QStringLiteral("client_secret");
        QTest::newRow("password") << QStringLiteral("password");
        QTest::newRow("refresh_token") << QStringLiteral("refresh_token");
    }
    void rejectsSecretValues()
    {
        QFETCH(QString, key);
        QJsonObject json = sample().toJson();
        json.insert(key, QStringLiteral("hunter2"));
        QString error;
        QVERIFY(!OAuthProfile::fromJson(json, &error));
        QVERIFY2(error.contains(key) && error.contains(u"reference"), qPrintable(error));
    }

    void unknownNamesAreErrors()
    {
        QJsonObject json = sample().toJson();
        json.insert(QStringLiteral("grantType"), QStringLiteral("implicit"));
        QString error;
        QVERIFY(!OAuthProfile::fromJson(json, &error));
        QVERIFY(error.contains(u"implicit"));
        json = sample().toJson();
        json.insert(QStringLiteral("clientAuth"), QStringLiteral("jwt"));
        QVERIFY(!OAuthProfile::fromJson(json, &error));
        QVERIFY(error.contains(u"jwt"));
    }

    void acceptsAlternativeSpellings()
    {
        QCOMPARE(OAuthProfile::grantTypeFromName(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")),
                 OAuthProfile::GrantType::DeviceCode);
        QCOMPARE(OAuthProfile::grantTypeFromName(QStringLiteral("client-credentials")),
                 OAuthProfile::GrantType::ClientCredentials);
        QCOMPARE(OAuthProfile::clientAuthFromName(QStringLiteral("client_secret_post")),
                 OAuthProfile::ClientAuth::Body);
        QJsonObject json{
            {QStringLiteral("tokenParams"), QJsonObject{{QStringLiteral("audience"), QStringLiteral("a")}}}};
        const auto p = OAuthProfile::fromJson(json);
        QVERIFY(p);
        QCOMPARE(p->tokenParams.size(), 1);
        QCOMPARE(p->tokenParams.first().second, QStringLiteral("a"));
        QCOMPARE(p->redirectPath, QStringLiteral("/callback"));
        QCOMPARE(p->authorizationTimeoutSeconds, 300);
    }

    void mapStringsResolvesVariables()
    {
        const OAuthProfile p = sample().mapStrings([](const QString& s) {
            QString out = s;
            return out.replace(QStringLiteral("{{base}}"), QStringLiteral("http://127.0.0.1:8000"));
        });
        QCOMPARE(p.tokenUrl, QStringLiteral("http://127.0.0.1:8000/o/token/"));
        QCOMPARE(p.name, QStringLiteral("demo"));
    }

    void leadTime()
    {
        OAuthProfile p;
        QCOMPARE(p.leadSecondsFor(3600), 180);
        QCOMPARE(p.leadSecondsFor(100), 10);
        QCOMPARE(p.leadSecondsFor(-1), 10);
        p.refreshLeadSeconds = 7;
        QCOMPARE(p.leadSecondsFor(3600), 7);
    }

    void problems()
    {
        OAuthProfile p;
        p.grantType = OAuthProfile::GrantType::Password;
        const QStringList list = p.problems();
        QVERIFY(list.join(u'\n').contains(u"client id"));
        QVERIFY(list.join(u'\n').contains(u"username"));
        QVERIFY(sample().problems().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOAuthProfile)
#include "TestOAuthProfile.moc"
