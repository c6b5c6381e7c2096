#pragma once

#include "auth/OAuthProfile.h"
#include "core/Clock.h"

#include <QDialog>

#include <functional>
#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSpinBox;

namespace tb {
class OAuthClient;
}

namespace tb::ui {

// Edits one OAuth profile (auth/<name>.json). Discover fills the endpoints from the issuer's metadata (the engine's
// Discovery: RFC 8414, then OpenID Connect). Secrets typed here are handed to the owner for the SecretStore; the
// profile keeps only references to them.
class ProfileEditorDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)

public:
    // resolve: {{variables}} -> values, for Discover (the fields themselves keep what the user typed).
    ProfileEditorDialog(const OAuthProfile& profile, QNetworkAccessManager* network, Clock* clock,
                        std::function<QString(const QString&)> resolve, QWidget* parent = nullptr);
    ~ProfileEditorDialog() override;

    OAuthProfile profile() const;
    // What was typed into the secret fields (empty: keep the stored value).
    QString clientSecret() const;
    QString password() const;
    void discover();

signals:
    void discoveryFinished(bool ok);

private:
    QLineEdit* addLine(const QString& label, const QString& objectName, const QString& text, bool secret = false);
    void updateFields();

    OAuthProfile m_original;
    std::unique_ptr<OAuthClient> m_client;
    std::function<QString(const QString&)> m_resolve;
    QFormLayout* m_form;
    QLineEdit* m_nameLineEdit;
    QComboBox* m_grantComboBox;
    QLineEdit* m_issuerLineEdit;
    QPushButton* m_discoverPushButton;
    QLabel* m_discoveryLabel;
    QLineEdit* m_tokenUrlLineEdit;
    QLineEdit* m_authorizeUrlLineEdit;
    QLineEdit* m_deviceUrlLineEdit;
    QLineEdit* m_revocationUrlLineEdit;
    QLineEdit* m_introspectionUrlLineEdit;
    QLineEdit* m_clientIdLineEdit;
    QLineEdit* m_clientSecretLineEdit;
    QComboBox* m_clientAuthComboBox;
    QLineEdit* m_usernameLineEdit;
    QLineEdit* m_passwordLineEdit;
    QLineEdit* m_scopeLineEdit;
    QSpinBox* m_leadSpinBox;
};

} // namespace tb::ui
