#pragma once

#include "workspace/Collection.h"
#include "workspace/Environment.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace tb {

// auth/<slug>.json: an OAuth profile as the token manager serialises it (OAuthProfile::toJson). The workspace keeps
// the JSON so that files written by a newer token manager survive a load and a save untouched.
struct AuthProfileFile
{
    QString name;
    QString slug;
    QJsonObject json;

    friend bool operator==(const AuthProfileFile&, const AuthProfileFile&) = default;
};

// The whole workspace folder in memory.
struct Workspace
{
    int formatVersion = 0; // as read; WorkspaceStore writes its own current version
    QString id;            // stable identity for SecretStore references; generated on first save
    QString name;
    QString defaultEnvironment; // the environment the CLI uses when none is named
    QList<Environment> environments;
    QList<AuthProfileFile> authProfiles;
    std::vector<Collection> collections;

    friend bool operator==(const Workspace&, const Workspace&) = default;

    const Environment* environment(QStringView nameOrSlug) const;
    const Collection* collection(QStringView nameOrSlug) const;
    const AuthProfileFile* authProfile(QStringView nameOrSlug) const;
};

} // namespace tb
