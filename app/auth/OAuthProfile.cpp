#include "auth/OAuthProfile.h"

#include "core/NameTable.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace tb {

namespace {

QJsonArray paramsToJson(const OAuthProfile::Params& params)
{
    QJsonArray array;
    for (const auto& [key, value] : params)
        array.append(QJsonObject{{QStringLiteral("name"), key}, {QStringLiteral("value"), value}});
    return array;
}

std::optional<OAuthProfile::Params> paramsFromJson(const QJsonValue& value, QString* error, const QString& field)
{
    OAuthProfile::Params params;
    if (value.isUndefined() || value.isNull())
        return params;
    if (value.isObject()) {
        // Convenience form {"audience": "x"}; the array form keeps order and repeated names.
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            params.append({it.key(), it.value().toString()});
        return params;
    }
    if (!value.isArray()) {
        if (error)
            *error = QStringLiteral("\"%1\" must be an array of {\"name\", \"value\"} objects").arg(field);
        return std::nullopt;
    }
    for (const QJsonValue& item : value.toArray()) {
        const QJsonObject object = item.toObject();
        const QString name = object.value(QStringLiteral("name")).toString();
        if (name.isEmpty()) {
            if (error)
                *error = QStringLiteral("\"%1\" has an entry without a name").arg(field);
            return std::nullopt;
        }
        params.append({name, object.value(QStringLiteral("value")).toString()});
    }
    return params;
}

constexpr std::array<std::pair<OAuthProfile::GrantType, const char16_t*>, 5> grantNames{{
    {OAuthProfile::GrantType::AuthorizationCode, u"authorization_code"},
    {OAuthProfile::GrantType::ClientCredentials, u"client_credentials"},
    {OAuthProfile::GrantType::Password, u"password"},
    {OAuthProfile::GrantType::DeviceCode, u"device_code"},
    {OAuthProfile::GrantType::RefreshToken, u"refresh_token"},
}};
constexpr std::array<std::pair<OAuthProfile::ClientAuth, const char16_t*>, 5> clientAuthNames{{
    {OAuthProfile::ClientAuth::Basic, u"basic"},
    {OAuthProfile::ClientAuth::Body, u"post"},
    {OAuthProfile::ClientAuth::Basic, u"client_secret_basic"},
    {OAuthProfile::ClientAuth::Body, u"client_secret_post"},
    {OAuthProfile::ClientAuth::Body, u"body"},
}};
// Other spellings people use: RFC 8628's URN, short forms.
constexpr std::array<std::pair<OAuthProfile::GrantType, const char16_t*>, 5> grantAliases{{
    {OAuthProfile::GrantType::DeviceCode, u"urn:ietf:params:oauth:grant_type:device_code"},
    {OAuthProfile::GrantType::DeviceCode, u"device"},
    {OAuthProfile::GrantType::AuthorizationCode, u"code"},
    {OAuthProfile::GrantType::AuthorizationCode, u"auth_code"},
    {OAuthProfile::GrantType::RefreshToken, u"refresh"},
}};

// Field names that would hold a secret value; a profile file must carry references instead.
constexpr const char16_t* secretValueKeys[] = {u"clientSecret",  u"client_secret", u"password",    u"refreshToken",
                                               u"refresh_token", u"accessToken",   u"access_token"};

} // namespace

QString OAuthProfile::grantTypeName(GrantType grant)
{
    return nameFromTable(grantNames, grant);
}

std::optional<OAuthProfile::GrantType> OAuthProfile::grantTypeFromName(const QString& name)
{
    const QString n = name.trimmed().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (auto grant = valueFromTable(grantNames, n))
        return grant;
    return valueFromTable(grantAliases, n);
}

QString OAuthProfile::clientAuthName(ClientAuth auth)
{
    return nameFromTable(clientAuthNames, auth);
}

std::optional<OAuthProfile::ClientAuth> OAuthProfile::clientAuthFromName(const QString& name)
{
    return valueFromTable(clientAuthNames, name.trimmed());
}

QJsonObject OAuthProfile::toJson() const
{
    // QJsonObject keeps keys sorted, so the file's key order is stable whatever the insertion order.
    return QJsonObject{
        {QStringLiteral("version"), formatVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("grantType"), grantTypeName(grantType)},
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("tokenUrl"), tokenUrl},
        {QStringLiteral("authorizeUrl"), authorizeUrl},
        {QStringLiteral("deviceAuthorizationUrl"), deviceAuthorizationUrl},
        {QStringLiteral("revocationUrl"), revocationUrl},
        {QStringLiteral("introspectionUrl"), introspectionUrl},
        {QStringLiteral("clientId"), clientId},
        {QStringLiteral("clientSecretRef"), clientSecretRef},
        {QStringLiteral("clientAuth"), clientAuthName(clientAuth)},
        {QStringLiteral("username"), username},
        {QStringLiteral("passwordRef"), passwordRef},
        {QStringLiteral("refreshTokenRef"), refreshTokenRef},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("authorizeParams"), paramsToJson(authorizeParams)},
        {QStringLiteral("tokenParams"), paramsToJson(tokenParams)},
        {QStringLiteral("refreshParams"), paramsToJson(refreshParams)},
        {QStringLiteral("refreshLeadSeconds"), refreshLeadSeconds},
        {QStringLiteral("redirectPort"), redirectPort},
        {QStringLiteral("redirectPath"), redirectPath},
        {QStringLiteral("authorizationTimeoutSeconds"), authorizationTimeoutSeconds},
    };
}

std::optional<OAuthProfile> OAuthProfile::fromJson(const QJsonObject& json, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<OAuthProfile> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    for (const char16_t* key : secretValueKeys) {
        if (json.contains(QString::fromUtf16(key)))
            return fail(QStringLiteral("the profile holds a secret value in \"%1\"; profiles keep only references "
                                       "(e.g. \"clientSecretRef\": \"env:MY_SECRET\"), the value goes to the "
                                       "secret store")
                            .arg(QString::fromUtf16(key)));
    }
    const int version = json.value(QStringLiteral("version")).toInt(formatVersion);
    if (version > formatVersion)
        return fail(QStringLiteral("profile format version %1 is newer than this Tokenbench understands (%2)")
                        .arg(version)
                        .arg(formatVersion));

    OAuthProfile p;
    auto str = [&json](const char* key, const QString& fallback = {}) {
        return json.value(QLatin1String(key)).toString(fallback);
    };
    p.name = str("name");
    const QString grant = str("grantType", grantTypeName(p.grantType));
    const auto grantType = grantTypeFromName(grant);
    if (!grantType)
        return fail(QStringLiteral("unknown grant type \"%1\" (expected authorization_code, client_credentials, "
                                   "password, device_code or refresh_token)")
                        .arg(grant));
    p.grantType = *grantType;
    const QString auth = str("clientAuth", clientAuthName(p.clientAuth));
    const auto clientAuth = clientAuthFromName(auth);
    if (!clientAuth)
        return fail(QStringLiteral("unknown client authentication \"%1\" (expected basic or post)").arg(auth));
    p.clientAuth = *clientAuth;
    p.issuer = str("issuer");
    p.tokenUrl = str("tokenUrl");
    p.authorizeUrl = str("authorizeUrl");
    p.deviceAuthorizationUrl = str("deviceAuthorizationUrl");
    p.revocationUrl = str("revocationUrl");
    p.introspectionUrl = str("introspectionUrl");
    p.clientId = str("clientId");
    p.clientSecretRef = str("clientSecretRef");
    p.username = str("username");
    p.passwordRef = str("passwordRef");
    p.refreshTokenRef = str("refreshTokenRef");
    p.scope = str("scope");
    for (auto [field, target] :
         {std::pair{"authorizeParams", &p.authorizeParams}, std::pair{"tokenParams", &p.tokenParams},
          std::pair{"refreshParams", &p.refreshParams}}) {
        QString message;
        auto params = paramsFromJson(json.value(QLatin1String(field)), &message, QLatin1String(field));
        if (!params)
            return fail(message);
        *target = *params;
    }
    p.refreshLeadSeconds = std::max(0, json.value(QStringLiteral("refreshLeadSeconds")).toInt(0));
    p.redirectPort = json.value(QStringLiteral("redirectPort")).toInt(0);
    if (p.redirectPort < 0 || p.redirectPort > 65535)
        return fail(QStringLiteral("redirectPort %1 is not a port number").arg(p.redirectPort));
    p.redirectPath = str("redirectPath", QStringLiteral("/callback"));
    if (!p.redirectPath.startsWith(QLatin1Char('/')))
        p.redirectPath.prepend(QLatin1Char('/'));
    p.authorizationTimeoutSeconds =
        json.value(QStringLiteral("authorizationTimeoutSeconds")).toInt(defaultAuthorizationTimeoutSeconds);
    if (p.authorizationTimeoutSeconds <= 0)
        p.authorizationTimeoutSeconds = defaultAuthorizationTimeoutSeconds;
    return p;
}

OAuthProfile OAuthProfile::mapStrings(const std::function<QString(const QString&)>& map) const
{
    OAuthProfile p = *this;
    for (QString* field :
         {&p.issuer, &p.tokenUrl, &p.authorizeUrl, &p.deviceAuthorizationUrl, &p.revocationUrl, &p.introspectionUrl,
          &p.clientId, &p.clientSecretRef, &p.username, &p.passwordRef, &p.refreshTokenRef, &p.scope, &p.redirectPath})
        *field = map(*field);
    for (Params* params : {&p.authorizeParams, &p.tokenParams, &p.refreshParams}) {
        for (auto& [key, value] : *params) {
            key = map(key);
            value = map(value);
        }
    }
    return p;
}

QStringList OAuthProfile::problems() const
{
    QStringList list;
    if (clientId.isEmpty())
        list << QStringLiteral("no client id");
    if (tokenUrl.isEmpty() && issuer.isEmpty())
        list << QStringLiteral("no token URL and no issuer to discover it from");
    switch (grantType) {
    case GrantType::Password:
        if (username.isEmpty())
            list << QStringLiteral("the password grant needs a username");
        if (passwordRef.isEmpty())
            list << QStringLiteral("the password grant needs a password (a reference such as env:VAR)");
        break;
    case GrantType::AuthorizationCode:
        if (authorizeUrl.isEmpty() && issuer.isEmpty())
            list << QStringLiteral("the authorization code grant needs an authorize URL or an issuer");
        break;
    case GrantType::DeviceCode:
        if (deviceAuthorizationUrl.isEmpty() && issuer.isEmpty())
            list << QStringLiteral("the device grant needs a device authorization URL or an issuer");
        break;
    case GrantType::RefreshToken:
        break;
    case GrantType::ClientCredentials:
        if (clientSecretRef.isEmpty())
            list << QStringLiteral("the client credentials grant needs a client secret (a reference such as env:VAR)");
        break;
    }
    return list;
}

qint64 OAuthProfile::leadSecondsFor(qint64 lifetimeSeconds) const
{
    if (refreshLeadSeconds > 0)
        return refreshLeadSeconds;
    // Qt NetworkAuth's choice: 5% of the lifetime, never less than 10 s.
    if (lifetimeSeconds <= 0)
        return 10;
    return std::max<qint64>(10, lifetimeSeconds / 20);
}

} // namespace tb
