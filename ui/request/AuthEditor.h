#pragma once

#include "http/AuthSpec.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace tb::ui {

// How the request authenticates: inherit, none, bearer, basic, API key, or an OAuth 2.0 profile (with its live
// token state, which the main window keeps up to date).
class AuthEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthEditor)

public:
    explicit AuthEditor(QWidget* parent = nullptr);

    AuthSpec auth() const;
    void setAuth(const AuthSpec& auth);
    void setProfileNames(const QStringList& names);
    void setTokenState(const QString& text);

signals:
    void edited();

private:
    QLineEdit* addField(QWidget* page, const QString& label, const QString& objectName, bool secret = false);

    QComboBox* m_kindComboBox;
    QStackedWidget* m_stack;
    QLineEdit* m_tokenLineEdit;
    QLineEdit* m_usernameLineEdit;
    QLineEdit* m_passwordLineEdit;
    QLineEdit* m_apiKeyNameLineEdit;
    QLineEdit* m_apiKeyValueLineEdit;
    QComboBox* m_apiKeyLocationComboBox;
    QComboBox* m_profileComboBox;
    QLabel* m_tokenStateLabel;
};

} // namespace tb::ui
