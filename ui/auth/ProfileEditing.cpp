#include "ProfileEditing.h"

#include "auth/ProfileEditorDialog.h"
#include "auth/TokenManager.h"
#include "auth/WorkspaceProfiles.h"
#include "http/VariableResolver.h"
#include "secrets/SecretStore.h"
#include "workspace/OpenWorkspace.h"

namespace tb::ui {

ProfileEditing::ProfileEditing(OpenWorkspace* workspace, SecretStore* secrets, TokenManager* tokens,
                               QNetworkAccessManager* network, Clock* clock, const VariableResolver* variables,
                               QWidget* window)
    : QObject(window), m_workspace(workspace), m_secrets(secrets), m_tokens(tokens), m_network(network), m_clock(clock),
      m_variables(variables), m_window(window)
{}

void ProfileEditing::edit(const QString& name)
{
    OAuthProfile profile;
    if (const AuthProfileFile* file = m_workspace->workspace().authProfile(name)) {
        if (auto parsed = OAuthProfile::fromJson(file->json))
            profile = *parsed;
        if (profile.name.isEmpty())
            profile.name = file->name;
    }
    auto* dialog = new ProfileEditorDialog(
        profile, m_network, m_clock,
        [this](const QString& text) {
            const auto resolved = m_variables->resolve(text, tr("the issuer"));
            return resolved.ok() ? resolved.text : text;
        },
        m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { save(dialog->profile(), dialog->clientSecret(), dialog->password()); });
    dialog->open();
}

void ProfileEditing::save(const OAuthProfile& profile, const QString& clientSecret, const QString& password)
{
    if (!m_workspace->isOpen()) {
        emit message(tr("Open a workspace first: profiles are saved in it"), 5000);
        return;
    }
    WorkspaceProfiles::upsert(m_workspace->workspace(), profile);
    const WorkspaceStore::SaveResult result = m_workspace->save();
    if (!result.ok()) {
        emit message(tr("Could not save the profile: %1").arg(result.error), 8000);
        return;
    }
    const auto store = [this, &profile](const QString& ref, const QString& value) {
        if (value.isEmpty())
            return;
        m_secrets->write(SecretStore::keyFor(m_tokens->workspaceId(), profile.name, ref), value.toUtf8(), this,
                         [this](const SecretResult& written) {
                             if (!written.ok())
                                 emit message(tr("Could not store a secret: %1").arg(written.error), 8000);
                         });
    };
    store(profile.clientSecretRef, clientSecret);
    store(profile.passwordRef, password);
    emit saved(profile.name);
}

} // namespace tb::ui
