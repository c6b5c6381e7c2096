#pragma once

#include "auth/OAuthProfile.h"
#include "workspace/Collection.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace tb {

// Writes a collection as Postman Collection v2.1 JSON that Postman imports and Newman runs unchanged.
// Secret variables are exported without their value (type "secret", empty) unless the caller reveals them; an
// oauth2 auth carries its profile's endpoints and client, and takes the access token from the variable
// {{<profile>_access_token}} (pass it with newman --env-var), since Newman cannot fetch tokens itself.
class PostmanExporter
{
public:
    struct Options
    {
        std::function<std::optional<OAuthProfile>(const QString& name)> profile;
        // The value of a secret variable, when the user chose to reveal secrets.
        std::function<std::optional<QString>(const Variable& variable)> revealSecret;
    };

    static QJsonObject exportCollection(const Collection& collection, const Options& options);

    // The Postman variable an oauth2 auth takes its access token from.
    static QString accessTokenVariable(const QString& profile);
};

} // namespace tb
