#include "auth/TokenSet.h"

namespace tb {

qint64 TokenSet::lifetimeSeconds() const
{
    if (!expiresAt.isValid() || !obtainedAt.isValid())
        return -1;
    return obtainedAt.secsTo(expiresAt);
}

qint64 TokenSet::secondsRemaining(const QDateTime& now) const
{
    if (!expiresAt.isValid())
        return -1;
    return now.secsTo(expiresAt);
}

bool TokenSet::isExpired(const QDateTime& now) const
{
    return expiresAt.isValid() && now >= expiresAt;
}

QString TokenSet::authorizationScheme() const
{
    // RFC 6750: the type is case-insensitive; servers send "bearer" or "Bearer", the header wants "Bearer".
    if (tokenType.isEmpty() || tokenType.compare(u"bearer", Qt::CaseInsensitive) == 0)
        return QStringLiteral("Bearer");
    return tokenType;
}

QJsonObject TokenSet::toJson() const
{
    QJsonObject json{
        {QStringLiteral("access_token"), accessToken},
        {QStringLiteral("token_type"), tokenType},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("obtained_at"), obtainedAt.toUTC().toString(Qt::ISODateWithMs)},
    };
    if (!refreshToken.isEmpty())
        json.insert(QStringLiteral("refresh_token"), refreshToken);
    if (!idToken.isEmpty())
        json.insert(QStringLiteral("id_token"), idToken);
    if (expiresAt.isValid())
        json.insert(QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODateWithMs));
    if (!extra.isEmpty())
        json.insert(QStringLiteral("extra"), extra);
    return json;
}

TokenSet TokenSet::fromJson(const QJsonObject& json)
{
    TokenSet set;
    set.accessToken = json.value(QStringLiteral("access_token")).toString();
    set.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
    set.tokenType = json.value(QStringLiteral("token_type")).toString();
    set.scope = json.value(QStringLiteral("scope")).toString();
    set.idToken = json.value(QStringLiteral("id_token")).toString();
    set.obtainedAt = QDateTime::fromString(json.value(QStringLiteral("obtained_at")).toString(), Qt::ISODateWithMs);
    set.expiresAt = QDateTime::fromString(json.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    if (set.obtainedAt.isValid())
        set.obtainedAt = set.obtainedAt.toUTC();
    if (set.expiresAt.isValid())
        set.expiresAt = set.expiresAt.toUTC();
    set.extra = json.value(QStringLiteral("extra")).toObject();
    return set;
}

} // namespace tb
