#include "auth/TokenDock.h"

#include "auth/JwtView.h"
#include "auth/SecretClipboard.h"
#include "auth/TokenStateText.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace tb::ui {

TokenDock::TokenDock(TokenManager* manager, Clock* clock, QWidget* parent)
    : QWidget(parent), m_manager(manager), m_clock(clock), m_clipboard(new SecretClipboard(clock, this)),
      m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("tokenDockWidget"));
    setAccessibleName(tr("Token manager"));

    m_profileListWidget = new QListWidget(this);
    m_profileListWidget->setObjectName(QStringLiteral("profileListWidget"));
    m_profileListWidget->setAccessibleName(tr("OAuth profiles"));

    auto* details = new QWidget(this);
    auto* form = new QFormLayout;
    m_stateLabel = addValue(form, tr("State"), QStringLiteral("tokenStateLabel"), tr("Token state"));
    m_grantLabel = addValue(form, tr("Grant"), QStringLiteral("grantLabel"), tr("Grant type"));
    m_scopesLabel = addValue(form, tr("Scopes"), QStringLiteral("scopesLabel"), tr("Granted scopes"));
    m_remainingLabel = addValue(form, tr("Lifetime"), QStringLiteral("remainingLabel"), tr("Remaining lifetime"));
    m_obtainedLabel = addValue(form, tr("Obtained"), QStringLiteral("obtainedLabel"), tr("Obtained at"));

    m_errorLabel = new QLabel(details);
    m_errorLabel->setObjectName(QStringLiteral("tokenErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Token error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setForegroundRole(QPalette::BrightText);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->hide();

    // The browser / device sign-in in progress: what to do, the code, the link, and Cancel.
    m_signInWidget = new QWidget(details);
    m_signInWidget->setObjectName(QStringLiteral("signInWidget"));
    m_signInLabel = new QLabel(m_signInWidget);
    m_signInLabel->setObjectName(QStringLiteral("signInLabel"));
    m_signInLabel->setAccessibleName(tr("Sign-in status"));
    m_signInLabel->setWordWrap(true);
    m_userCodeLabel = new QLabel(m_signInWidget);
    m_userCodeLabel->setObjectName(QStringLiteral("userCodeLabel"));
    m_userCodeLabel->setAccessibleName(tr("Device user code"));
    m_userCodeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont big = m_userCodeLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_userCodeLabel->setFont(big);
    m_signInLinkLabel = new QLabel(m_signInWidget);
    m_signInLinkLabel->setObjectName(QStringLiteral("signInLinkLabel"));
    m_signInLinkLabel->setAccessibleName(tr("Sign-in link"));
    m_signInLinkLabel->setOpenExternalLinks(true);
    m_signInLinkLabel->setWordWrap(true);
    m_signInLinkLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_cancelSignInPushButton = new QPushButton(tr("Cancel sign-in"), m_signInWidget);
    m_cancelSignInPushButton->setObjectName(QStringLiteral("cancelSignInPushButton"));
    m_cancelSignInPushButton->setAccessibleName(tr("Cancel sign-in"));
    auto* signInLayout = new QVBoxLayout(m_signInWidget);
    signInLayout->setContentsMargins(0, 0, 0, 0);
    signInLayout->addWidget(m_signInLabel);
    signInLayout->addWidget(m_userCodeLabel);
    signInLayout->addWidget(m_signInLinkLabel);
    signInLayout->addWidget(m_cancelSignInPushButton, 0, Qt::AlignLeft);
    m_signInWidget->hide();

    m_buttonRow = new QWidget(details);
    auto* buttons = new QGridLayout(m_buttonRow);
    buttons->setContentsMargins(0, 0, 0, 0);
    m_getTokenPushButton = addButton(tr("&Get token"), QStringLiteral("getTokenPushButton"), tr("Get token"));
    m_refreshPushButton = addButton(tr("Refres&h"), QStringLiteral("refreshTokenPushButton"), tr("Refresh token"));
    m_revokePushButton = addButton(tr("Rev&oke"), QStringLiteral("revokeTokenPushButton"), tr("Revoke token"));
    m_introspectPushButton =
        addButton(tr("&Introspect"), QStringLiteral("introspectTokenPushButton"), tr("Introspect token"));
    m_copyPushButton = addButton(tr("&Copy"), QStringLiteral("copyTokenPushButton"), tr("Copy access token"));
    m_forgetPushButton = addButton(tr("Forg&et"), QStringLiteral("forgetTokenPushButton"), tr("Forget token"));
    m_editProfilePushButton =
        addButton(tr("E&dit profile…"), QStringLiteral("editProfilePushButton"), tr("Edit OAuth profile"));
    m_newProfilePushButton =
        addButton(tr("Ne&w profile…"), QStringLiteral("newProfilePushButton"), tr("New OAuth profile"));
    const QList<QPushButton*> all = {m_getTokenPushButton,    m_refreshPushButton,   m_revokePushButton,
                                     m_introspectPushButton,  m_copyPushButton,      m_forgetPushButton,
                                     m_editProfilePushButton, m_newProfilePushButton};
    for (int i = 0; i < all.size(); ++i)
        buttons->addWidget(all[i], i / 4, i % 4);

    m_autoRefreshCheckBox = new QCheckBox(tr("&Auto-refresh before expiry"), details);
    m_autoRefreshCheckBox->setObjectName(QStringLiteral("autoRefreshCheckBox"));
    m_autoRefreshCheckBox->setAccessibleName(tr("Auto-refresh"));
    m_autoRefreshCheckBox->setChecked(true);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_claimsPlainTextEdit = new QPlainTextEdit(details);
    m_claimsPlainTextEdit->setObjectName(QStringLiteral("claimsPlainTextEdit"));
    m_claimsPlainTextEdit->setAccessibleName(tr("Decoded token claims"));
    m_claimsPlainTextEdit->setReadOnly(true);
    m_claimsPlainTextEdit->setFont(fixed);
    m_introspectionPlainTextEdit = new QPlainTextEdit(details);
    m_introspectionPlainTextEdit->setObjectName(QStringLiteral("introspectionPlainTextEdit"));
    m_introspectionPlainTextEdit->setAccessibleName(tr("Introspection answer"));
    m_introspectionPlainTextEdit->setReadOnly(true);
    m_introspectionPlainTextEdit->setFont(fixed);
    m_introspectionPlainTextEdit->setPlaceholderText(tr("Introspect shows the server's answer here"));

    auto* detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(form);
    detailLayout->addWidget(m_errorLabel);
    detailLayout->addWidget(m_signInWidget);
    detailLayout->addWidget(m_buttonRow);
    detailLayout->addWidget(m_autoRefreshCheckBox);
    detailLayout->addWidget(new QLabel(tr("Decoded token (the signature is not checked)"), details));
    detailLayout->addWidget(m_claimsPlainTextEdit, 2);
    detailLayout->addWidget(m_introspectionPlainTextEdit, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_profileListWidget);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_profileListWidget, &QListWidget::currentRowChanged, this, &TokenDock::showDetails);
    connect(m_getTokenPushButton, &QPushButton::clicked, this, &TokenDock::getToken);
    connect(m_refreshPushButton, &QPushButton::clicked, this, &TokenDock::refreshToken);
    connect(m_revokePushButton, &QPushButton::clicked, this, &TokenDock::revokeToken);
    connect(m_introspectPushButton, &QPushButton::clicked, this, &TokenDock::introspectToken);
    connect(m_copyPushButton, &QPushButton::clicked, this, &TokenDock::copyToken);
    connect(m_forgetPushButton, &QPushButton::clicked, this, &TokenDock::forgetToken);
    connect(m_editProfilePushButton, &QPushButton::clicked, this,
            [this] { emit editProfileRequested(currentProfile()); });
    connect(m_newProfilePushButton, &QPushButton::clicked, this, [this] { emit editProfileRequested({}); });
    connect(m_cancelSignInPushButton, &QPushButton::clicked, this, [this] {
        if (!currentProfile().isEmpty())
            m_manager->cancelSignIn(currentProfile());
    });
    connect(m_autoRefreshCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        if (!currentProfile().isEmpty())
            m_manager->setAutoRefresh(currentProfile(), on);
    });

    connect(m_manager, &TokenManager::stateChanged, this, [this](const QString& name, TokenManager::State state) {
        if (state != TokenManager::State::Fetching)
            m_signIns.remove(name);
        if (state == TokenManager::State::Valid)
            m_errors.remove(name);
        updateItem(name);
    });
    connect(m_manager, &TokenManager::tokenChanged, this, &TokenDock::updateItem);
    connect(m_manager, &TokenManager::refreshFailed, this,
            [this](const QString& name, const OAuthError& error) { showError(name, TokenStateText::error(error)); });
    connect(m_manager, &TokenManager::reauthenticationRequired, this, [this](const QString& name, const QString& why) {
        showError(name, tr("Sign in again (Get token): %1").arg(why));
    });
    connect(m_manager, &TokenManager::authorizationUrlReady, this, [this](const QString& name, const QUrl& url) {
        m_signIns[name].authorizationUrl = url;
        updateItem(name);
    });
    connect(m_manager, &TokenManager::deviceCodeReady, this,
            [this](const QString& name, const QString& code, const QString& uri, const QString& complete) {
                m_signIns[name] = SignIn{{}, code, uri, complete};
                updateItem(name);
            });

    m_countdown->setObjectName(QStringLiteral("countdownTimer"));
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &TokenDock::tick);
    m_countdown->start();
    showDetails();
}

TokenDock::~TokenDock() = default;

QPushButton* TokenDock::addButton(const QString& text, const QString& objectName, const QString& accessibleName)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

QLabel* TokenDock::addValue(QFormLayout* form, const QString& label, const QString& objectName,
                            const QString& accessibleName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setAccessibleName(accessibleName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(label, value);
    return value;
}

void TokenDock::reloadProfiles(const QHash<QString, QString>& problems)
{
    m_problems = problems;
    const QString current = currentProfile();
    const QSignalBlocker blocker(m_profileListWidget);
    m_profileListWidget->clear();
    for (const QString& name : m_manager->profileNames()) {
        auto* item = new QListWidgetItem(name, m_profileListWidget);
        item->setData(Qt::UserRole, name);
        if (!m_problems.contains(name))
            m_manager->load(name, this,
                            [this, name](const std::optional<OAuthError>&, const QStringList&) { updateItem(name); });
    }
    for (int i = 0; i < m_profileListWidget->count(); ++i)
        updateItem(m_profileListWidget->item(i)->data(Qt::UserRole).toString());
    selectProfile(current);
    if (m_profileListWidget->currentRow() < 0 && m_profileListWidget->count() > 0)
        m_profileListWidget->setCurrentRow(0);
    showDetails();
}

QString TokenDock::currentProfile() const
{
    const QListWidgetItem* item = m_profileListWidget->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void TokenDock::selectProfile(const QString& name)
{
    for (int i = 0; i < m_profileListWidget->count(); ++i)
        if (m_profileListWidget->item(i)->data(Qt::UserRole).toString() == name)
            m_profileListWidget->setCurrentRow(i);
}

QString TokenDock::summary(const QString& name) const
{
    if (m_problems.contains(name))
        return tr("Cannot be used: %1").arg(m_problems.value(name));
    if (!m_manager->profile(name))
        return tr("No OAuth profile named “%1” in this workspace").arg(name);
    return TokenStateText::summary(m_manager->state(name), m_manager->tokens(name), m_manager->lastError(name),
                                   m_clock->now());
}

void TokenDock::updateItem(const QString& name)
{
    for (int i = 0; i < m_profileListWidget->count(); ++i) {
        QListWidgetItem* item = m_profileListWidget->item(i);
        if (item->data(Qt::UserRole).toString() != name)
            continue;
        const QString state =
            m_problems.contains(name) ? tr("cannot be used") : TokenStateText::state(m_manager->state(name));
        item->setText(QStringLiteral("%1 — %2").arg(name, state));
        item->setData(Qt::AccessibleTextRole, tr("Profile %1, token %2").arg(name, state));
    }
    if (name == currentProfile())
        showDetails();
    emit summariesChanged();
}

void TokenDock::showError(const QString& name, const QString& message)
{
    m_errors.insert(name, message);
    updateItem(name);
}

void TokenDock::tick()
{
    const QString name = currentProfile();
    if (name.isEmpty())
        return;
    const TokenSet tokens = m_manager->tokens(name);
    if (tokens.isEmpty())
        m_remainingLabel->setText(tr("no token"));
    else if (!tokens.lifetimeKnown())
        m_remainingLabel->setText(tr("unknown (the server sent no expires_in)"));
    else
        m_remainingLabel->setText(TokenStateText::remaining(tokens.secondsRemaining(m_clock->now())));
    emit summariesChanged();
}

void TokenDock::showDetails()
{
    const QString name = currentProfile();
    const auto profile = m_manager->profile(name);
    m_buttonRow->setEnabled(true);
    if (!profile) {
        for (QLabel* label : {m_stateLabel, m_grantLabel, m_scopesLabel, m_remainingLabel, m_obtainedLabel})
            label->clear();
        m_stateLabel->setText(tr("No OAuth profile in this workspace: New profile… adds one"));
        m_claimsPlainTextEdit->clear();
        m_errorLabel->hide();
        m_signInWidget->hide();
        updateButtons();
        return;
    }
    const TokenManager::State state = m_manager->state(name);
    const TokenSet tokens = m_manager->tokens(name);
    m_stateLabel->setText(m_problems.contains(name) ? tr("cannot be used") : TokenStateText::state(state));
    m_grantLabel->setText(OAuthProfile::grantTypeName(profile->grantType));
    m_scopesLabel->setText(tokens.isEmpty()
                               ? (profile->scope.isEmpty() ? tr("(none asked)") : tr("%1 (asked)").arg(profile->scope))
                               : (tokens.scope.isEmpty() ? tr("(none granted)") : tokens.scope));
    m_obtainedLabel->setText(
        tokens.isEmpty() ? QString() : QLocale().toString(tokens.obtainedAt.toLocalTime(), QLocale::ShortFormat));
    m_autoRefreshCheckBox->setChecked(m_manager->autoRefresh(name));

    QString error = m_problems.value(name);
    if (error.isEmpty())
        error = m_errors.value(name);
    if (error.isEmpty() && state == TokenManager::State::Failed)
        error = m_manager->lastError(name);
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());

    const auto signIn = m_signIns.constFind(name);
    const bool signingIn = state == TokenManager::State::Fetching && signIn != m_signIns.constEnd();
    m_signInWidget->setVisible(signingIn);
    if (signingIn) {
        if (!signIn->userCode.isEmpty()) {
            const QString link =
                signIn->verificationUriComplete.isEmpty() ? signIn->verificationUri : signIn->verificationUriComplete;
            m_signInLabel->setText(tr("Open the link on any device and enter this code:"));
            m_userCodeLabel->setText(signIn->userCode);
            m_userCodeLabel->show();
            m_signInLinkLabel->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                                           .arg(link.toHtmlEscaped(), signIn->verificationUri.toHtmlEscaped()));
        } else {
            m_signInLabel->setText(tr("Waiting for the sign-in in your browser… If no browser opened, use this link:"));
            m_userCodeLabel->hide();
            const QString url = signIn->authorizationUrl.toString();
            m_signInLinkLabel->setText(
                QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), tr("Open the sign-in page")));
        }
    }

    if (tokens.isEmpty()) {
        m_claimsPlainTextEdit->clear();
    } else if (const auto jwt = JwtView::decode(tokens.accessToken)) {
        m_claimsPlainTextEdit->setPlainText(jwt->describe(m_clock->now()));
    } else {
        m_claimsPlainTextEdit->setPlainText(
            tr("The access token is opaque (not a JWT): there are no claims to decode. Introspect asks the server "
               "about it."));
    }
    tick();
    updateButtons();
}

void TokenDock::updateButtons()
{
    const QString name = currentProfile();
    const bool known = m_manager->profile(name).has_value() && !m_problems.contains(name);
    const TokenManager::State state = m_manager->state(name);
    const bool busy = state == TokenManager::State::Fetching || state == TokenManager::State::Refreshing;
    const bool hasToken = known && !m_manager->tokens(name).isEmpty();
    m_getTokenPushButton->setEnabled(known && !busy);
    m_refreshPushButton->setEnabled(known && !busy && hasToken);
    m_revokePushButton->setEnabled(hasToken && !busy);
    m_introspectPushButton->setEnabled(hasToken && !busy);
    m_copyPushButton->setEnabled(hasToken);
    m_forgetPushButton->setEnabled(hasToken && !busy);
    m_editProfilePushButton->setEnabled(m_manager->profile(name).has_value());
    m_autoRefreshCheckBox->setEnabled(known);
}

void TokenDock::accessDone(const QString& name, const TokenManager::Access& access)
{
    if (access.ok())
        m_errors.remove(name);
    else
        m_errors.insert(name, TokenStateText::error(*access.error));
    updateItem(name);
}

void TokenDock::getToken()
{
    const QString name = currentProfile();
    m_errors.remove(name);
    m_introspectionPlainTextEdit->clear();
    m_manager->fetch(name, this, [this, name](const TokenManager::Access& access) { accessDone(name, access); });
}

void TokenDock::refreshToken()
{
    const QString name = currentProfile();
    m_errors.remove(name);
    m_manager->refresh(name, this, [this, name](const TokenManager::Access& access) { accessDone(name, access); });
}

void TokenDock::revokeToken()
{
    const QString name = currentProfile();
    m_manager->revoke(name, this, [this, name](const std::optional<OAuthError>& error, const QStringList& warnings) {
        QStringList lines = warnings;
        if (error)
            lines.prepend(TokenStateText::error(*error));
        if (lines.isEmpty())
            m_errors.remove(name);
        else
            m_errors.insert(name, lines.join(u'\n'));
        m_introspectionPlainTextEdit->setPlainText(error ? QString() : tr("Revoked; the local copy is gone."));
        updateItem(name);
    });
}

void TokenDock::introspectToken()
{
    const QString name = currentProfile();
    m_introspectionPlainTextEdit->setPlainText(tr("Asking the server…"));
    m_manager->introspect(name, false, this,
                          [this, name](const QJsonObject& answer, const std::optional<OAuthError>& error) {
                              if (currentProfile() != name)
                                  return;
                              m_introspectionPlainTextEdit->setPlainText(
                                  error ? TokenStateText::error(*error)
                                        : QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Indented)));
                          });
}

void TokenDock::copyToken()
{
    const TokenSet tokens = m_manager->tokens(currentProfile());
    if (tokens.isEmpty())
        return;
    m_clipboard->copy(tokens.accessToken);
}

void TokenDock::forgetToken()
{
    const QString name = currentProfile();
    m_manager->clear(name, this, [this, name](const std::optional<OAuthError>& error, const QStringList&) {
        if (error)
            showError(name, TokenStateText::error(*error));
        m_introspectionPlainTextEdit->clear();
    });
}

} // namespace tb::ui
