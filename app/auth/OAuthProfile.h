#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace tb {

// How one OAuth 2.0 client gets its tokens: the grant, the endpoints, the client and what to ask for.
//
// A profile holds no secret values. Client secret, password and seed refresh token are *references* (SecretRef):
//   "env:NAME"   the value of environment variable NAME (CI and scripts),
//   "NAME"       item NAME in the SecretStore, under this profile's namespace (see SecretStore::keyFor),
//   ""           none.
// Every string field may contain {{variables}}; resolve them with mapStrings() before use.
// Saved as workspace/auth/<name>.json through toJson()/fromJson() (keys in a stable, sorted order).
class OAuthProfile
{
public:
    enum class GrantType
    {
        AuthorizationCode, // RFC 6749 4.1 + PKCE (RFC 7636) + loopback redirect (RFC 8252)
        ClientCredentials, // RFC 6749 4.4
        Password,          // RFC 6749 4.3
        DeviceCode,        // RFC 8628
        RefreshToken,      // RFC 6749 6, starting from a refresh token the user supplies (refreshTokenRef)
    };
    enum class ClientAuth
    {
        Basic, // client_secret_basic: Authorization: Basic base64(id:secret)
        Body,  // client_secret_post: client_id and client_secret in the form body, like the seed's curl
    };
    using Params = QList<std::pair<QString, QString>>;

    static constexpr int formatVersion = 1;
    static constexpr int defaultAuthorizationTimeoutSeconds = 300;

    QString name;
    GrantType grantType = GrantType::ClientCredentials;

    // Endpoints. Empty ones are discovered from `issuer` (RFC 8414, then OIDC discovery) when it is set.
    QString issuer;
    QString tokenUrl;
    QString authorizeUrl;
    QString deviceAuthorizationUrl;
    QString revocationUrl;
    QString introspectionUrl;

    QString clientId;
    QString clientSecretRef;
    ClientAuth clientAuth = ClientAuth::Basic;

    QString username;
    QString passwordRef;
    QString refreshTokenRef;

    QString scope;
    Params authorizeParams; // extra query parameters of the authorization request (audience, resource, prompt...)
    Params tokenParams;     // extra form fields of the token request
    Params refreshParams;   // extra form fields of the refresh request

    // Seconds before expiry at which the token is refreshed; 0 = default (5% of the lifetime, at least 10 s).
    int refreshLeadSeconds = 0;

    // Authorization code: loopback redirect port (0 = a random free port) and path, and how long to wait.
    int redirectPort = 0;
    QString redirectPath = QStringLiteral("/callback");
    int authorizationTimeoutSeconds = defaultAuthorizationTimeoutSeconds;

    QJsonObject toJson() const;
    // Rejects unknown grant/auth names and any field that looks like a secret *value* (e.g. "client_secret").
    static std::optional<OAuthProfile> fromJson(const QJsonObject& json, QString* error = nullptr);

    // A copy with `map` applied to every string field except the name (for {{variable}} resolution).
    OAuthProfile mapStrings(const std::function<QString(const QString&)>& map) const;

    // What is missing for the grant to run (empty when the profile is usable once endpoints are known).
    QStringList problems() const;

    bool needsPerson() const { return grantType == GrantType::AuthorizationCode || grantType == GrantType::DeviceCode; }

    // Default lead time for a token of `lifetimeSeconds` (negative = unknown).
    qint64 leadSecondsFor(qint64 lifetimeSeconds) const;

    static QString grantTypeName(GrantType grant);
    static std::optional<GrantType> grantTypeFromName(const QString& name);
    static QString clientAuthName(ClientAuth auth);
    static std::optional<ClientAuth> clientAuthFromName(const QString& name);

    friend bool operator==(const OAuthProfile&, const OAuthProfile&) = default;
};

} // namespace tb
