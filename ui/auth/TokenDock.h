#pragma once

#include "auth/TokenManager.h"

#include <QHash>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace tb::ui {

class SecretClipboard;

// The token manager: every OAuth profile of the workspace with its live state, scopes, remaining lifetime (ticking
// once a second on the engine's clock), the decoded JWT (never called verified), and the actions of the
// TokenManager. A thin view: every action is one TokenManager call; the answers are shown as they come.
class TokenDock : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenDock)

public:
    TokenDock(TokenManager* manager, Clock* clock, QWidget* parent = nullptr);
    ~TokenDock() override;

    // Rebuilds the list from the manager's profiles and loads their saved tokens. problems: per profile, why it
    // cannot run (shown instead of the state).
    void reloadProfiles(const QHash<QString, QString>& problems = {});
    QString currentProfile() const;
    void selectProfile(const QString& name);
    // Redraws the countdown (the 1 s timer calls it; tests call it after moving a MockClock).
    void tick();
    // The one-line state of a profile, for the request editor's Auth tab.
    QString summary(const QString& name) const;
    SecretClipboard* clipboard() const { return m_clipboard; }

signals:
    // Asks the owner to open the profile editor (an empty name: a new profile).
    void editProfileRequested(const QString& name);
    // A profile's state, tokens or countdown changed.
    void summariesChanged();

private:
    struct SignIn
    {
        QUrl authorizationUrl;
        QString userCode;
        QString verificationUri;
        QString verificationUriComplete;
    };

    void showDetails();
    void updateItem(const QString& name);
    void updateButtons();
    void showError(const QString& name, const QString& message);
    void accessDone(const QString& name, const TokenManager::Access& access);
    void getToken();
    void refreshToken();
    void revokeToken();
    void introspectToken();
    void copyToken();
    void forgetToken();
    QPushButton* addButton(const QString& text, const QString& objectName, const QString& accessibleName);
    QLabel* addValue(QFormLayout* form, const QString& label, const QString& objectName, const QString& accessibleName);

    TokenManager* m_manager;
    Clock* m_clock;
    SecretClipboard* m_clipboard;
    QTimer* m_countdown;
    QHash<QString, QString> m_problems;
    QHash<QString, QString> m_errors;
    QHash<QString, SignIn> m_signIns;

    QListWidget* m_profileListWidget;
    QLabel* m_stateLabel;
    QLabel* m_grantLabel;
    QLabel* m_scopesLabel;
    QLabel* m_remainingLabel;
    QLabel* m_obtainedLabel;
    QLabel* m_errorLabel;
    QWidget* m_signInWidget;
    QLabel* m_signInLabel;
    QLabel* m_userCodeLabel;
    QLabel* m_signInLinkLabel;
    QPushButton* m_cancelSignInPushButton;
    QPlainTextEdit* m_claimsPlainTextEdit;
    QPlainTextEdit* m_introspectionPlainTextEdit;
    QCheckBox* m_autoRefreshCheckBox;
    QPushButton* m_getTokenPushButton;
    QPushButton* m_refreshPushButton;
    QPushButton* m_revokePushButton;
    QPushButton* m_introspectPushButton;
    QPushButton* m_copyPushButton;
    QPushButton* m_forgetPushButton;
    QPushButton* m_editProfilePushButton;
    QPushButton* m_newProfilePushButton;
    QWidget* m_buttonRow;
};

} // namespace tb::ui
