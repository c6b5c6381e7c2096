#include "auth/TokenResponse.h"

#include "auth/JwtView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <cmath>

namespace tb {

namespace {

QJsonObject bodyObject(const QByteArray& contentType, const QByteArray& body, bool* isObject)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        *isObject = true;
        return doc.object();
    }
    if (contentType.toLower().startsWith("application/x-www-form-urlencoded")) {
        QJsonObject object;
        const QUrlQuery query(QString::fromUtf8(body));
        for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
            object.insert(key, value);
        *isObject = !object.isEmpty();
        return object;
    }
    *isObject = false;
    return {};
}

// A short, single-line excerpt of a non-JSON body, for the error message.
QString excerpt(const QByteArray& body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QStringLiteral("...");
    return text;
}

// expires_in as sent: 3600, 3600.0, "3600". Negative, zero or unreadable: unknown.
std::optional<qint64> expiresIn(const QJsonValue& value)
{
    double seconds = -1;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        seconds = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!std::isfinite(seconds) || seconds <= 0 || seconds > 1e10)
        return std::nullopt;
    return static_cast<qint64>(seconds);
}

} // namespace

OAuthError TokenResponse::parseError(int httpStatus, const QByteArray& contentType, const QByteArray& body)
{
    bool isObject = false;
    const QJsonObject json = bodyObject(contentType, body, &isObject);
    if (isObject && json.value(QStringLiteral("error")).isString()) {
        OAuthError e;
        e.kind = OAuthError::Kind::OAuth;
        e.error = json.value(QStringLiteral("error")).toString();
        e.description = json.value(QStringLiteral("error_description")).toString();
        e.uri = json.value(QStringLiteral("error_uri")).toString();
        e.httpStatus = httpStatus;
        return e;
    }
    OAuthError e;
    e.kind = OAuthError::Kind::Http;
    e.httpStatus = httpStatus;
    if (isObject && json.value(QStringLiteral("detail")).isString()) // DRF-style errors
        e.description = json.value(QStringLiteral("detail")).toString();
    else if (!body.trimmed().isEmpty())
        e.description = QStringLiteral("the server answered without an OAuth error object: %1").arg(excerpt(body));
    else
        e.description = QStringLiteral("the server answered with an empty body");
    return e;
}

TokenResult TokenResponse::parse(int httpStatus, const QByteArray& contentType, const QByteArray& body,
                                 const QString& requestedScope, const QDateTime& now)
{
    bool isObject = false;
    QJsonObject json = bodyObject(contentType, body, &isObject);
    const bool success = httpStatus >= 200 && httpStatus < 300;
    if (!success || (isObject && json.contains(QStringLiteral("error"))))
        return TokenResult::failure(parseError(httpStatus, contentType, body));
    if (!isObject)
        return TokenResult::failure(OAuthError::make(
            OAuthError::Kind::Protocol, QStringLiteral("invalid_response"),
            QStringLiteral("the token endpoint's answer is not a JSON object: %1").arg(excerpt(body)), httpStatus));
    const QJsonValue access = json.take(QStringLiteral("access_token"));
    if (!access.isString() || access.toString().isEmpty())
        return TokenResult::failure(OAuthError::make(OAuthError::Kind::Protocol, QStringLiteral("invalid_response"),
                                                     QStringLiteral("the token endpoint's answer has no access_token"),
                                                     httpStatus));
    TokenSet t;
    t.accessToken = access.toString();
    t.obtainedAt = now.toUTC();
    t.refreshToken = json.take(QStringLiteral("refresh_token")).toString();
    t.tokenType = json.take(QStringLiteral("token_type")).toString();
    t.idToken = json.take(QStringLiteral("id_token")).toString();
    const QJsonValue scope = json.take(QStringLiteral("scope"));
    // Some servers send the scope as a JSON array.
    if (scope.isArray()) {
        QStringList parts;
        for (const QJsonValue& s : scope.toArray())
            parts << s.toString();
        t.scope = parts.join(QLatin1Char(' '));
    } else {
        t.scope = scope.isString() ? scope.toString() : requestedScope;
    }
    const QJsonValue expires = json.take(QStringLiteral("expires_in"));
    if (const auto seconds = expiresIn(expires)) {
        t.expiresAt = t.obtainedAt.addSecs(*seconds);
    } else {
        if (!expires.isUndefined())
            json.insert(QStringLiteral("expires_in"), expires); // unreadable: keep it visible as sent
        if (const auto jwt = JwtView::decode(t.accessToken); jwt && jwt->expiresAt().isValid())
            t.expiresAt = jwt->expiresAt();
    }
    t.extra = json;
    return TokenResult{t, std::nullopt};
}

} // namespace tb
