#pragma once

#include <QObject>

class QNetworkAccessManager;
class QWidget;

namespace tb {
class Clock;
class OAuthProfile;
class OpenWorkspace;
class SecretStore;
class TokenManager;
class VariableResolver;
} // namespace tb

namespace tb::ui {

// Editing an OAuth profile of the open workspace: the profile editor for it (as written in its file, {{variables}}
// and all) and, on OK, the profile written to auth/<slug>.json and the secrets typed in it to the SecretStore.
class ProfileEditing : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditing)

public:
    // All must outlive this object; variables resolve the issuer for Discover; window parents the dialog.
    ProfileEditing(OpenWorkspace* workspace, SecretStore* secrets, TokenManager* tokens, QNetworkAccessManager* network,
                   Clock* clock, const VariableResolver* variables, QWidget* window);

    // name: empty for a new profile.
    void edit(const QString& name);

signals:
    void saved(const QString& profile);
    // For the status bar.
    void message(const QString& text, int timeoutMs);

private:
    void save(const OAuthProfile& profile, const QString& clientSecret, const QString& password);

    OpenWorkspace* m_workspace;
    SecretStore* m_secrets;
    TokenManager* m_tokens;
    QNetworkAccessManager* m_network;
    Clock* m_clock;
    const VariableResolver* m_variables;
    QWidget* m_window;
};

} // namespace tb::ui
