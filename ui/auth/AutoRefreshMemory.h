#pragma once

#include <QObject>

class QSettings;

namespace tb {
class TokenManager;
} // namespace tb

namespace tb::ui {

// Remembers each OAuth profile's auto-refresh switch across restarts.
//
// Kept in the app's settings (keyed by workspace id and profile name), not in the workspace's auth/<slug>.json:
// the switch governs what this machine does with the token it holds, and tokens are per machine too (SecretStore,
// same keys). The workspace is what a team shares in version control; flipping a switch in the token dock should
// neither show up as a change to those files nor turn off refreshing for everyone who pulls them.
class AutoRefreshMemory : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoRefreshMemory)

public:
    // Both must outlive this object. Every later switch (TokenManager::autoRefreshChanged) is written at once.
    AutoRefreshMemory(TokenManager* tokens, QSettings* settings, QObject* parent = nullptr);

    // Sets the remembered switch of every profile the manager has now (on when nothing is remembered).
    void restore();

private:
    QString key(const QString& profile) const;

    TokenManager* m_tokens;
    QSettings* m_settings;
    bool m_restoring = false;
};

} // namespace tb::ui
