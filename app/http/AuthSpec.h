#pragma once

#include <QString>

#include <optional>

namespace tb {

// How a request authenticates. A plain value: the string fields may hold {{variables}} (resolved like the rest of
// the request), which is how a request refers to a secret kept elsewhere instead of holding it in plaintext.
struct AuthSpec
{
    enum class Kind
    {
        Inherit, // use the enclosing folder's or collection's auth (resolved by the workspace, never sent as is)
        None,
        Bearer, // Authorization: Bearer <token>
        Basic,  // Authorization: Basic base64(username:password)
        ApiKey, // <apiKeyName>: <apiKeyValue> as a header, or ?<apiKeyName>=<apiKeyValue>
        OAuth2, // a token from the TokenManager for the OAuth profile named oauthProfile
    };
    enum class ApiKeyLocation
    {
        Header,
        Query
    };

    Kind kind = Kind::Inherit;
    QString token;    // Bearer
    QString username; // Basic
    QString password; // Basic
    QString apiKeyName;
    QString apiKeyValue;
    ApiKeyLocation apiKeyLocation = ApiKeyLocation::Header;
    QString oauthProfile; // OAuth2: the profile's name

    friend bool operator==(const AuthSpec&, const AuthSpec&) = default;

    // Stable lower-case names for files and the command line: inherit, none, bearer, basic, apikey, oauth2.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);
    // header, query
    static QString apiKeyLocationName(ApiKeyLocation location);
    static std::optional<ApiKeyLocation> apiKeyLocationFromName(QStringView name);
};

} // namespace tb
