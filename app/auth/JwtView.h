#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tb {

// A read-only look inside a JWS compact token (RFC 7519): header and claims decoded, the registered time claims as
// dates. It never checks the signature, so it never calls a token verified: signatureStatus() says so in words.
class JwtView
{
public:
    // nullopt when `token` is not three base64url parts whose first two are JSON objects (opaque tokens).
    static std::optional<JwtView> decode(const QString& token);

    const QJsonObject& header() const { return m_header; }
    const QJsonObject& claims() const { return m_claims; }
    QString algorithm() const { return m_header.value(QStringLiteral("alg")).toString(); }
    bool hasSignature() const { return m_hasSignature; }

    // UTC; invalid when the claim is absent or not a number.
    QDateTime expiresAt() const { return timeClaim("exp"); }
    QDateTime issuedAt() const { return timeClaim("iat"); }
    QDateTime notBefore() const { return timeClaim("nbf"); }
    // Seconds until exp at `now` (negative once expired); nullopt without exp.
    std::optional<qint64> secondsRemaining(const QDateTime& now) const;

    static constexpr bool signatureVerified() { return false; }
    QString signatureStatus() const;

    // Header and claims as indented JSON, times annotated in local time, for `token show` and the GUI.
    QString describe(const QDateTime& now) const;

private:
    QDateTime timeClaim(const char* name) const;

    QJsonObject m_header;
    QJsonObject m_claims;
    bool m_hasSignature = false;
};

} // namespace tb
