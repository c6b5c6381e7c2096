#include "AuthEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tb::ui {

namespace {
constexpr AuthSpec::Kind kKinds[] = {AuthSpec::Kind::Inherit, AuthSpec::Kind::None,   AuthSpec::Kind::Bearer,
                                     AuthSpec::Kind::Basic,   AuthSpec::Kind::ApiKey, AuthSpec::Kind::OAuth2};
}

AuthEditor::AuthEditor(QWidget* parent) : QWidget(parent)
{
    m_kindComboBox = new QComboBox(this);
    m_kindComboBox->setObjectName(QStringLiteral("authKindComboBox"));
    m_kindComboBox->setAccessibleName(tr("Authentication kind"));
    const QStringList labels = {tr("Inherit from parent"), tr("No auth"), tr("Bearer token"),
                                tr("Basic auth"),          tr("API key"), tr("OAuth 2.0 profile")};
    for (int i = 0; i < labels.size(); ++i)
        m_kindComboBox->addItem(labels[i], int(kKinds[i]));

    m_stack = new QStackedWidget(this);
    const auto note = [this](const QString& text) {
        auto* label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        return label;
    };
    m_stack->addWidget(note(tr("Uses the auth of the enclosing folder or collection.")));
    m_stack->addWidget(note(tr("Sends no credentials.")));
    auto* bearerPage = new QWidget(this);
    m_tokenLineEdit = addField(bearerPage, tr("Token"), QStringLiteral("bearerTokenLineEdit"), true);
    m_stack->addWidget(bearerPage);
    auto* basicPage = new QWidget(this);
    m_usernameLineEdit = addField(basicPage, tr("Username"), QStringLiteral("basicUsernameLineEdit"));
    m_passwordLineEdit = addField(basicPage, tr("Password"), QStringLiteral("basicPasswordLineEdit"), true);
    m_stack->addWidget(basicPage);
    auto* apiKeyPage = new QWidget(this);
    m_apiKeyNameLineEdit = addField(apiKeyPage, tr("Key name"), QStringLiteral("apiKeyNameLineEdit"));
    m_apiKeyValueLineEdit = addField(apiKeyPage, tr("Key value"), QStringLiteral("apiKeyValueLineEdit"), true);
    m_apiKeyLocationComboBox = new QComboBox(apiKeyPage);
    m_apiKeyLocationComboBox->setObjectName(QStringLiteral("apiKeyLocationComboBox"));
    m_apiKeyLocationComboBox->setAccessibleName(tr("Send the key in"));
    m_apiKeyLocationComboBox->addItem(tr("Header"), int(AuthSpec::ApiKeyLocation::Header));
    m_apiKeyLocationComboBox->addItem(tr("Query parameter"), int(AuthSpec::ApiKeyLocation::Query));
    static_cast<QFormLayout*>(apiKeyPage->layout())->addRow(tr("Send in"), m_apiKeyLocationComboBox);
    m_stack->addWidget(apiKeyPage);
    auto* oauthPage = new QWidget(this);
    auto* oauthLayout = new QFormLayout(oauthPage);
    m_profileComboBox = new QComboBox(oauthPage);
    m_profileComboBox->setObjectName(QStringLiteral("oauthProfileComboBox"));
    m_profileComboBox->setAccessibleName(tr("OAuth profile"));
    m_profileComboBox->setEditable(true);
    m_tokenStateLabel = new QLabel(tr("No token yet"), oauthPage);
    m_tokenStateLabel->setObjectName(QStringLiteral("authTokenStateLabel"));
    m_tokenStateLabel->setAccessibleName(tr("Token state"));
    m_tokenStateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    oauthLayout->addRow(tr("&Profile"), m_profileComboBox);
    oauthLayout->addRow(tr("Token"), m_tokenStateLabel);
    m_stack->addWidget(oauthPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kindComboBox, 0, Qt::AlignLeft);
    layout->addWidget(m_stack, 1);

    connect(m_kindComboBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_stack->setCurrentIndex(index);
        emit edited();
    });
    connect(m_apiKeyLocationComboBox, &QComboBox::currentIndexChanged, this, &AuthEditor::edited);
    connect(m_profileComboBox, &QComboBox::currentTextChanged, this, &AuthEditor::edited);
    m_kindComboBox->setCurrentIndex(0);
}

QLineEdit* AuthEditor::addField(QWidget* page, const QString& label, const QString& objectName, bool secret)
{
    auto* form = qobject_cast<QFormLayout*>(page->layout());
    if (!form)
        form = new QFormLayout(page);
    auto* lineEdit = new QLineEdit(page);
    lineEdit->setObjectName(objectName);
    lineEdit->setAccessibleName(label);
    if (secret) {
        // Masked, and a {{variable}} is the way to keep the value out of the workspace file.
        lineEdit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        lineEdit->setPlaceholderText(tr("{{variable}} or value"));
    }
    form->addRow(label, lineEdit);
    connect(lineEdit, &QLineEdit::textEdited, this, &AuthEditor::edited);
    return lineEdit;
}

AuthSpec AuthEditor::auth() const
{
    AuthSpec auth;
    auth.kind = AuthSpec::Kind(m_kindComboBox->currentData().toInt());
    auth.token = m_tokenLineEdit->text();
    auth.username = m_usernameLineEdit->text();
    auth.password = m_passwordLineEdit->text();
    auth.apiKeyName = m_apiKeyNameLineEdit->text();
    auth.apiKeyValue = m_apiKeyValueLineEdit->text();
    auth.apiKeyLocation = AuthSpec::ApiKeyLocation(m_apiKeyLocationComboBox->currentData().toInt());
    auth.oauthProfile = m_profileComboBox->currentText();
    return auth;
}

void AuthEditor::setAuth(const AuthSpec& auth)
{
    const QSignalBlocker blocker(this);
    m_kindComboBox->setCurrentIndex(m_kindComboBox->findData(int(auth.kind)));
    m_tokenLineEdit->setText(auth.token);
    m_usernameLineEdit->setText(auth.username);
    m_passwordLineEdit->setText(auth.password);
    m_apiKeyNameLineEdit->setText(auth.apiKeyName);
    m_apiKeyValueLineEdit->setText(auth.apiKeyValue);
    m_apiKeyLocationComboBox->setCurrentIndex(m_apiKeyLocationComboBox->findData(int(auth.apiKeyLocation)));
    m_profileComboBox->setCurrentText(auth.oauthProfile);
}

void AuthEditor::setProfileNames(const QStringList& names)
{
    const QSignalBlocker blocker(this);
    const QString current = m_profileComboBox->currentText();
    m_profileComboBox->clear();
    m_profileComboBox->addItems(names);
    m_profileComboBox->setCurrentText(current);
}

void AuthEditor::setTokenState(const QString& text)
{
    m_tokenStateLabel->setText(text);
}

} // namespace tb::ui
