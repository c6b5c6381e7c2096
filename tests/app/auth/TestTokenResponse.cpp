#include "auth/TokenResponse.h"

#include <QJsonDocument>
#include <QTest>

using tb::OAuthError;
using tb::TokenResponse;

namespace {
const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
const QByteArray json = "application/json";

QByteArray jwtWithExp(qint64 exp)
{
    auto part = [](const QByteArray& s) {
        return s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + '.' +
           part(QByteArray("{\"sub\":\"alice\",\"exp\":") + QByteArray::number(exp) + "}") + ".c2ln";
}
} // namespace

class TestTokenResponse : public QObject
{
    Q_OBJECT

private slots:
    void djangoOAuthToolkitAnswer()
    {
        // Byte for byte what DOT 1.7 sends (json.dumps spacing, key order).
        const QByteArray body = R"({"access_token": "FnEgoxNQS1wD8h0dXjt2GgnjBAPwg7", "expires_in": 86400, )"
                                R"("token_type": "Bearer", "scope": "read write groups", "refresh_token": "r1"})";
        const auto r = TokenResponse::parse(200, json, body, QStringLiteral("read"), now);
        QVERIFY(r.ok());
        QCOMPARE(r.tokens.accessToken, QStringLiteral("FnEgoxNQS1wD8h0dXjt2GgnjBAPwg7"));
        QCOMPARE(r.tokens.refreshToken, QStringLiteral("r1"));
        QCOMPARE(r.tokens.scope, QStringLiteral("read write groups"));
        QCOMPARE(r.tokens.tokenType, QStringLiteral("Bearer"));
        QCOMPARE(r.tokens.obtainedAt, now);
        QCOMPARE(r.tokens.expiresAt, now.addSecs(86400));
        QVERIFY(r.tokens.extra.isEmpty());
    }

    void expiresInForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("seconds"); // -1: unknown
        QTest::newRow("number") << QByteArray("3600") << qint64(3600);
        QTest::newRow("string") << QByteArray("\"3600\"") << qint64(3600);
        QTest::newRow("padded string") << QByteArray("\" 60 \"") << qint64(60);
        QTest::newRow("float") << QByteArray("59.9") << qint64(59);
        QTest::newRow("garbage string") << QByteArray("\"soon\"") << qint64(-1);
        QTest::newRow("zero") << QByteArray("0") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("null") << QByteArray("null") << qint64(-1);
    }
    void expiresInForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, seconds);
        const QByteArray body = R"({"access_token": "opaque", "expires_in": )" + value + "}";
        const auto r = TokenResponse::parse(200, json, body, {}, now);
        QVERIFY(r.ok());
        QCOMPARE(r.tokens.lifetimeSeconds(), seconds);
    }

    void missingExpiresInUsesJwtExp()
    {
        const qint64 exp = now.toSecsSinceEpoch() + 900;
        const QByteArray body = "{\"access_token\": \"" + jwtWithExp(exp) + "\"}";
        const auto r = TokenResponse::parse(200, json, body, {}, now);
        QVERIFY(r.ok());
        QCOMPARE(r.tokens.expiresAt, QDateTime::fromSecsSinceEpoch(exp, Qt::UTC));
        QCOMPARE(r.tokens.lifetimeSeconds(), 900);
    }

    void missingExpiresInOpaqueIsUnknown()
    {
        const auto r = TokenResponse::parse(200, json, R"({"access_token": "abc"})", {}, now);
        QVERIFY(r.ok());
        QVERIFY(!r.tokens.lifetimeKnown());
        QVERIFY(!r.tokens.isExpired(now.addYears(1)));
    }

    void missingScopeIsTheRequestedOne()
    {
        const auto r = TokenResponse::parse(200, json, R"({"access_token": "abc", "token_type": "bearer"})",
                                            QStringLiteral("read write"), now);
        QCOMPARE(r.tokens.scope, QStringLiteral("read write"));
        QCOMPARE(r.tokens.authorizationScheme(), QStringLiteral("Bearer"));
    }

    void extraFieldsAreKept()
    {
        const QByteArray body = R"({"access_token": "a", "id_token": "h.c.s", "refresh_expires_in": 1800, )"
                                R"("not-before-policy": 0, "session_state": "xyz", "expires_in": "soon"})";
        const auto r = TokenResponse::parse(200, json, body, {}, now);
        QVERIFY(r.ok());
        QCOMPARE(r.tokens.idToken, QStringLiteral("h.c.s"));
        QCOMPARE(r.tokens.extra.value(QStringLiteral("refresh_expires_in")).toInt(), 1800);
        QCOMPARE(r.tokens.extra.value(QStringLiteral("session_state")).toString(), QStringLiteral("xyz"));
        QCOMPARE(r.tokens.extra.value(QStringLiteral("expires_in")).toString(), QStringLiteral("soon"));
        QVERIFY(!r.tokens.extra.contains(QStringLiteral("access_token")));
    }

    void formEncodedAnswer()
    {
        const auto r = TokenResponse::parse(200, "application/x-www-form-urlencoded; charset=utf-8",
                                            "access_token=a%2Fb&token_type=bearer&scope=repo", {}, now);
        QVERIFY(r.ok());
        QCOMPARE(r.tokens.accessToken, QStringLiteral("a/b"));
        QCOMPARE(r.tokens.scope, QStringLiteral("repo"));
    }

    void oauthError()
    {
        const QByteArray body = R"({"error": "invalid_grant", "error_description": "Invalid credentials given.", )"
                                R"("error_uri": "https://example.com/e"})";
        const auto r = TokenResponse::parse(400, json, body, {}, now);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind, OAuthError::Kind::OAuth);
        QCOMPARE(r.error->error, QStringLiteral("invalid_grant"));
        QCOMPARE(r.error->description, QStringLiteral("Invalid credentials given."));
        QCOMPARE(r.error->uri, QStringLiteral("https://example.com/e"));
        QCOMPARE(r.error->httpStatus, 400);
        QVERIFY(r.error->isInvalidGrant());
        QCOMPARE(r.error->message(),
                 QStringLiteral("invalid_grant: Invalid credentials given. (see https://example.com/e) (HTTP 400)"));
    }

    void errorIn200()
    {
        const auto r = TokenResponse::parse(200, json, R"({"error": "authorization_pending"})", {}, now);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->error, QStringLiteral("authorization_pending"));
    }

    void nonJsonAnswers()
    {
        auto r = TokenResponse::parse(502, "text/html", "<html><body>Bad gateway</body></html>", {}, now);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind, OAuthError::Kind::Http);
        QVERIFY(r.error->message().contains(u"Bad gateway"));
        QVERIFY(r.error->message().contains(u"HTTP 502"));
        r = TokenResponse::parse(403, "text/html", "", {}, now);
        QVERIFY(r.error->message().contains(u"empty body"));
        r = TokenResponse::parse(200, "text/html", "<html>login</html>", {}, now);
        QCOMPARE(r.error->kind, OAuthError::Kind::Protocol);
        r = TokenResponse::parse(200, json, R"({"token_type": "bearer"})", {}, now);
        QVERIFY(r.error->message().contains(u"no access_token"));
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "TestTokenResponse.moc"
