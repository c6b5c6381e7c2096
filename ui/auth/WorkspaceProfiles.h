#pragma once

#include <QHash>
#include <QString>

namespace tb {
class OAuthProfile;
class TokenManager;
class VariableResolver;
struct Workspace;
} // namespace tb

namespace tb::ui {

// Feeds the open workspace's OAuth profiles (auth/*.json) into the TokenManager, their {{variables}} resolved from
// the active environment, and drops profiles that are gone. Called again whenever the workspace or the environment
// changes, so the manager always sends to the URLs the user sees.
class WorkspaceProfiles
{
public:
    // Returns, per profile name, why it could not be used (unreadable file, unknown variable); usable ones are absent.
    static QHash<QString, QString> apply(TokenManager& manager, const Workspace& workspace,
                                         const VariableResolver& variables);
    // Adds the profile to the workspace model (a new auth/<slug>.json) or replaces the one of the same name.
    static void upsert(Workspace& workspace, const OAuthProfile& profile);
};

} // namespace tb::ui
