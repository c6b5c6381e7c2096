#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace tb {

// The tokens one profile holds, as the token endpoint gave them. This *is* secret material: it is persisted only
// through the SecretStore (toJson() is its serialised form there), never in workspace files or history.
class TokenSet
{
public:
    QString accessToken;
    QString refreshToken;
    QString tokenType;    // as the server sent it ("Bearer"); empty means Bearer
    QString scope;        // granted scope (the requested one when the server sent none, RFC 6749 5.1)
    QString idToken;      // OIDC
    QDateTime obtainedAt; // UTC
    QDateTime expiresAt;  // UTC; invalid when the lifetime is unknown
    QJsonObject extra;    // every other field of the token response, kept as sent

    bool isEmpty() const { return accessToken.isEmpty(); }
    bool hasRefreshToken() const { return !refreshToken.isEmpty(); }
    bool lifetimeKnown() const { return expiresAt.isValid(); }
    // Lifetime in seconds, or -1 when unknown.
    qint64 lifetimeSeconds() const;
    // Seconds left at `now` (negative once expired); meaningless unless lifetimeKnown().
    qint64 secondsRemaining(const QDateTime& now) const;
    // Expired at `now`; a token of unknown lifetime never counts as expired (the server's 401 will say so).
    bool isExpired(const QDateTime& now) const;
    // "Bearer" unless the server said otherwise; the scheme for the Authorization header.
    QString authorizationScheme() const;

    QJsonObject toJson() const;
    static TokenSet fromJson(const QJsonObject& json);

    friend bool operator==(const TokenSet&, const TokenSet&) = default;
};

} // namespace tb
