#include "auth/WorkspaceProfiles.h"

#include "auth/TokenManager.h"
#include "http/VariableResolver.h"
#include "workspace/Slug.h"
#include "workspace/Workspace.h"

#include <QSet>

namespace tb::ui {

QHash<QString, QString> WorkspaceProfiles::apply(TokenManager& manager, const Workspace& workspace,
                                                 const VariableResolver& variables)
{
    QHash<QString, QString> problems;
    QSet<QString> present;
    manager.setWorkspaceId(workspace.id.isEmpty() ? QStringLiteral("default") : workspace.id);
    for (const AuthProfileFile& file : workspace.authProfiles) {
        QString error;
        auto profile = OAuthProfile::fromJson(file.json, &error);
        const QString name = profile && !profile->name.isEmpty() ? profile->name : file.name;
        present.insert(name);
        if (!profile) {
            problems.insert(name, QStringLiteral("auth/%1.json: %2").arg(file.slug, error));
            continue;
        }
        profile->name = name;
        QString firstError;
        const OAuthProfile resolved = profile->mapStrings([&variables, &firstError](const QString& text) {
            const auto result = variables.resolve(text, QStringLiteral("the OAuth profile"));
            if (!result.ok() && firstError.isEmpty())
                firstError = result.error->message();
            return result.ok() ? result.text : text;
        });
        if (!firstError.isEmpty())
            problems.insert(name, firstError);
        // Registered even with a problem, so the token manager lists it and says what is wrong.
        manager.setProfile(resolved);
    }
    for (const QString& name : manager.profileNames())
        if (!present.contains(name))
            manager.removeProfile(name);
    return problems;
}

void WorkspaceProfiles::upsert(Workspace& workspace, const OAuthProfile& profile)
{
    QSet<QString> taken;
    for (AuthProfileFile& file : workspace.authProfiles) {
        const auto existing = OAuthProfile::fromJson(file.json);
        const QString name = existing && !existing->name.isEmpty() ? existing->name : file.name;
        if (name == profile.name) {
            file.json = profile.toJson();
            return;
        }
        taken.insert(file.slug);
    }
    workspace.authProfiles.append({profile.name, Slug::unique(profile.name, taken), profile.toJson()});
}

} // namespace tb::ui
