#pragma once

#include "auth/OAuthProfile.h"
#include "workspace/Collection.h"
#include "workspace/Environment.h"

#include <QByteArray>
#include <QStringList>

namespace tb {

// Reads Postman Collection v2.1 (and v2.0) JSON: folders, requests, headers, query, every body mode (raw, urlencoded,
// formdata, file; graphql as a JSON body), variables at each level, descriptions, and auth of every kind that
// Tokenbench has (noauth, bearer, basic, apikey; oauth2 blocks become OAuth profiles). Pre-request and test scripts
// are kept as text and reported as not run. What cannot be imported is listed in notes.
class PostmanImporter
{
public:
    // A secret value found in an oauth2 block: the caller stores it under SecretStore::keyFor(workspace id,
    // profile, item), which is where the profile's reference (clientSecretRef / passwordRef) points.
    struct ProfileSecret
    {
        QString profile;
        QString item;
        QString value;
        friend bool operator==(const ProfileSecret&, const ProfileSecret&) = default;
    };

    struct Result
    {
        Collection collection;
        QList<OAuthProfile> profiles;
        QList<ProfileSecret> secrets;
        QStringList notes;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    struct EnvironmentResult
    {
        Environment environment;
        QStringList notes;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    static Result importCollection(const QByteArray& json);
    static EnvironmentResult importEnvironment(const QByteArray& json);

    // The profile item names used for secrets.
    static QString clientSecretItem() { return QStringLiteral("client_secret"); }
    static QString passwordItem() { return QStringLiteral("password"); }
};

} // namespace tb
