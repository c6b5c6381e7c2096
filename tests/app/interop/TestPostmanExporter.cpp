#include "interop/PostmanExporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

Collection demo()
{
    Collection c;
    c.name = u"Users API"_s;
    c.auth.kind = AuthSpec::Kind::OAuth2;
    c.auth.oauthProfile = u"demo-password"_s;
    c.variables = {Variable{u"page"_s, u"2"_s, false, {}, true, {}},
                   Variable{u"admin_password"_s, u"s3cret-value"_s, true, u"ref"_s, true, {}}};
    CollectionItem create;
    create.name = u"Create a user"_s;
    create.request.method = u"POST"_s;
    create.request.url = u"{{base_url}}/api/users/"_s;
    create.request.body.kind = RequestBody::Kind::Raw;
    create.request.body.contentType = u"application/json"_s;
    create.request.body.text = u"{\"username\": \"zoe\"}"_s;
    c.items.push_back(create);
    CollectionItem anonymous;
    anonymous.name = u"Without a token"_s;
    anonymous.request.url = u"http://127.0.0.1:8000/api/users/?search=a%20b"_s;
    anonymous.request.queryParams = {{u"page"_s, u"{{page}}"_s, true}, {u"off"_s, u"1"_s, false}};
    anonymous.request.auth.kind = AuthSpec::Kind::None;
    anonymous.request.options.maxRedirects = 0;
    c.items.push_back(anonymous);
    return c;
}

OAuthProfile profile()
{
    OAuthProfile p;
    p.name = u"demo-password"_s;
    p.grantType = OAuthProfile::GrantType::Password;
    p.tokenUrl = u"{{base_url}}/o/token/"_s;
    p.clientId = u"demo"_s;
    p.clientSecretRef = u"client_secret"_s;
    p.username = u"alice"_s;
    p.passwordRef = u"password"_s;
    p.clientAuth = OAuthProfile::ClientAuth::Body;
    return p;
}

QHash<QString, QString> params(const QJsonArray& array)
{
    QHash<QString, QString> out;
    for (const QJsonValue& v : array) {
        out.insert(v.toObject().value(u"key").toString(), v.toObject().value(u"value").toString());
    }
    return out;
}

} // namespace

class TestPostmanExporter : public QObject
{
    Q_OBJECT

private slots:
    void writesV21ThatNewmanReads();
    void secretsStayOutUnlessRevealed();
};

void TestPostmanExporter::writesV21ThatNewmanReads()
{
    PostmanExporter::Options options;
    options.profile = [](const QString& name) -> std::optional<OAuthProfile> {
        return name == u"demo-password" ? std::optional(profile()) : std::nullopt;
    };
    const QJsonObject root = PostmanExporter::exportCollection(demo(), options);
    QCOMPARE(root.value(u"info").toObject().value(u"schema").toString(),
             u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s);
    QCOMPARE(root.value(u"info").toObject().value(u"name").toString(), u"Users API"_s);

    const QJsonObject auth = root.value(u"auth").toObject();
    QCOMPARE(auth.value(u"type").toString(), u"oauth2"_s);
    const auto oauth = params(auth.value(u"oauth2").toArray());
    QCOMPARE(oauth.value(u"accessToken"_s), u"{{demo_password_access_token}}"_s);
    QCOMPARE(oauth.value(u"addTokenTo"_s), u"header"_s);
    QCOMPARE(oauth.value(u"grant_type"_s), u"password_credentials"_s);
    QCOMPARE(oauth.value(u"accessTokenUrl"_s), u"{{base_url}}/o/token/"_s);
    QCOMPARE(oauth.value(u"clientSecret"_s), u"{{demo_password_client_secret}}"_s);
    QCOMPARE(oauth.value(u"client_authentication"_s), u"body"_s);

    const QJsonArray items = root.value(u"item").toArray();
    const QJsonObject create = items.at(0).toObject().value(u"request").toObject();
    QCOMPARE(create.value(u"method").toString(), u"POST"_s);
    // Newman reads host and path, not raw; and needs the Content-Type as a header row.
    const QJsonObject url = create.value(u"url").toObject();
    QCOMPARE(url.value(u"raw").toString(), u"{{base_url}}/api/users/"_s);
    QCOMPARE(url.value(u"host").toArray(), QJsonArray{u"{{base_url}}"_s});
    QCOMPARE(url.value(u"path").toArray(), (QJsonArray{u"api"_s, u"users"_s, QString()}));
    QCOMPARE(params(create.value(u"header").toArray()).value(u"Content-Type"_s), u"application/json"_s);
    QCOMPARE(create.value(u"body").toObject().value(u"options").toObject().value(u"raw").toObject().value(u"language"),
             u"json"_s);
    QVERIFY(!create.contains(u"auth")); // inherits

    const QJsonObject anonymous = items.at(1).toObject().value(u"request").toObject();
    QCOMPARE(anonymous.value(u"auth").toObject().value(u"type").toString(), u"noauth"_s);
    const QJsonObject plainUrl = anonymous.value(u"url").toObject();
    QCOMPARE(plainUrl.value(u"protocol").toString(), u"http"_s);
    QCOMPARE(plainUrl.value(u"port").toString(), u"8000"_s);
    QCOMPARE(plainUrl.value(u"host").toArray(), (QJsonArray{u"127"_s, u"0"_s, u"0"_s, u"1"_s}));
    QCOMPARE(plainUrl.value(u"raw").toString(), u"http://127.0.0.1:8000/api/users/?search=a%20b&page={{page}}"_s);
    QCOMPARE(plainUrl.value(u"query").toArray().size(), 3);
    QVERIFY(plainUrl.value(u"query").toArray().at(2).toObject().value(u"disabled").toBool());
    QCOMPARE(anonymous.value(u"protocolProfileBehavior").toObject().value(u"followRedirects"), QJsonValue(false));
}

void TestPostmanExporter::secretsStayOutUnlessRevealed()
{
    const QByteArray hidden = QJsonDocument(PostmanExporter::exportCollection(demo(), {})).toJson();
    QVERIFY(!hidden.contains("s3cret-value"));
    QVERIFY(hidden.contains("\"type\": \"secret\""));

    PostmanExporter::Options reveal;
    reveal.revealSecret = [](const Variable& v) -> std::optional<QString> { return v.value; };
    QVERIFY(QJsonDocument(PostmanExporter::exportCollection(demo(), reveal)).toJson().contains("s3cret-value"));
}

QTEST_GUILESS_MAIN(TestPostmanExporter)
#include "TestPostmanExporter.moc"
