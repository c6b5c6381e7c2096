#include "auth/ProfileEditorDialog.h"

#include "auth/Discovery.h"
#include "auth/OAuthClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

constexpr OAuthProfile::GrantType kGrants[] = {
    OAuthProfile::GrantType::AuthorizationCode, OAuthProfile::GrantType::ClientCredentials,
    OAuthProfile::GrantType::Password,          OAuthProfile::GrantType::DeviceCode,
    OAuthProfile::GrantType::RefreshToken,
};

} // namespace

ProfileEditorDialog::ProfileEditorDialog(const OAuthProfile& profile, QNetworkAccessManager* network, Clock* clock,
                                         std::function<QString(const QString&)> resolve, QWidget* parent)
    : QDialog(parent), m_original(profile), m_client(std::make_unique<OAuthClient>(network, clock)),
      m_resolve(std::move(resolve)), m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("profileEditorDialog"));
    setWindowTitle(profile.name.isEmpty() ? tr("New OAuth profile") : tr("OAuth profile “%1”").arg(profile.name));

    m_nameLineEdit = addLine(tr("&Name"), QStringLiteral("profileNameLineEdit"), profile.name);
    m_nameLineEdit->setReadOnly(!profile.name.isEmpty()); // the name is the file and the secrets' namespace
    m_grantComboBox = new QComboBox(this);
    m_grantComboBox->setObjectName(QStringLiteral("grantComboBox"));
    m_grantComboBox->setAccessibleName(tr("Grant type"));
    const QStringList grantLabels = {tr("Authorization code + PKCE (browser)"), tr("Client credentials"),
                                     tr("Password"), tr("Device code"), tr("Refresh token")};
    for (int i = 0; i < int(std::size(kGrants)); ++i)
        m_grantComboBox->addItem(grantLabels[i], int(kGrants[i]));
    m_grantComboBox->setCurrentIndex(m_grantComboBox->findData(int(profile.grantType)));
    m_form->addRow(tr("&Grant"), m_grantComboBox);

    m_issuerLineEdit = addLine(tr("&Issuer"), QStringLiteral("issuerLineEdit"), profile.issuer);
    m_issuerLineEdit->setPlaceholderText(QStringLiteral("https://auth.example.com"));
    m_discoverPushButton = new QPushButton(tr("&Discover"), this);
    m_discoverPushButton->setObjectName(QStringLiteral("discoverPushButton"));
    m_discoverPushButton->setAccessibleName(tr("Discover endpoints from the issuer"));
    m_discoveryLabel = new QLabel(this);
    m_discoveryLabel->setObjectName(QStringLiteral("discoveryLabel"));
    m_discoveryLabel->setAccessibleName(tr("Discovery result"));
    m_discoveryLabel->setWordWrap(true);
    auto* discoverRow = new QHBoxLayout;
    discoverRow->addWidget(m_discoverPushButton);
    discoverRow->addWidget(m_discoveryLabel, 1);
    m_form->addRow(QString(), discoverRow);

    m_tokenUrlLineEdit = addLine(tr("&Token URL"), QStringLiteral("tokenUrlLineEdit"), profile.tokenUrl);
    m_authorizeUrlLineEdit =
        addLine(tr("&Authorization URL"), QStringLiteral("authorizeUrlLineEdit"), profile.authorizeUrl);
    m_deviceUrlLineEdit =
        addLine(tr("D&evice authorization URL"), QStringLiteral("deviceUrlLineEdit"), profile.deviceAuthorizationUrl);
    m_revocationUrlLineEdit =
        addLine(tr("&Revocation URL"), QStringLiteral("revocationUrlLineEdit"), profile.revocationUrl);
    m_introspectionUrlLineEdit =
        addLine(tr("Intros&pection URL"), QStringLiteral("introspectionUrlLineEdit"), profile.introspectionUrl);
    m_clientIdLineEdit = addLine(tr("&Client id"), QStringLiteral("clientIdLineEdit"), profile.clientId);
    m_clientSecretLineEdit = addLine(tr("Client &secret"), QStringLiteral("clientSecretLineEdit"), {}, true);
    m_clientSecretLineEdit->setPlaceholderText(profile.clientSecretRef.isEmpty()
                                                   ? tr("none (public client)")
                                                   : tr("stored (%1); type to replace").arg(profile.clientSecretRef));
    m_clientAuthComboBox = new QComboBox(this);
    m_clientAuthComboBox->setObjectName(QStringLiteral("clientAuthComboBox"));
    m_clientAuthComboBox->setAccessibleName(tr("Client authentication"));
    m_clientAuthComboBox->addItem(tr("HTTP Basic (client_secret_basic)"), int(OAuthProfile::ClientAuth::Basic));
    m_clientAuthComboBox->addItem(tr("In the body (client_secret_post)"), int(OAuthProfile::ClientAuth::Body));
    m_clientAuthComboBox->setCurrentIndex(m_clientAuthComboBox->findData(int(profile.clientAuth)));
    m_form->addRow(tr("Client a&uthentication"), m_clientAuthComboBox);
    m_usernameLineEdit = addLine(tr("User&name"), QStringLiteral("usernameLineEdit"), profile.username);
    m_passwordLineEdit = addLine(tr("Pass&word"), QStringLiteral("passwordLineEdit"), {}, true);
    m_passwordLineEdit->setPlaceholderText(
        profile.passwordRef.isEmpty() ? tr("none") : tr("stored (%1); type to replace").arg(profile.passwordRef));
    m_scopeLineEdit = addLine(tr("Sc&ope"), QStringLiteral("scopeLineEdit"), profile.scope);
    m_leadSpinBox = new QSpinBox(this);
    m_leadSpinBox->setObjectName(QStringLiteral("refreshLeadSpinBox"));
    m_leadSpinBox->setAccessibleName(tr("Refresh lead time in seconds"));
    m_leadSpinBox->setRange(0, 86400);
    m_leadSpinBox->setSpecialValueText(tr("default (5% of the lifetime, at least 10 s)"));
    m_leadSpinBox->setSuffix(tr(" s"));
    m_leadSpinBox->setValue(profile.refreshLeadSeconds);
    m_form->addRow(tr("Refresh &lead time"), m_leadSpinBox);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("profileEditorButtonBox"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_nameLineEdit->text().trimmed().isEmpty()) {
            m_discoveryLabel->setText(tr("The profile needs a name."));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_discoverPushButton, &QPushButton::clicked, this, &ProfileEditorDialog::discover);
    connect(m_grantComboBox, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::updateFields);
    updateFields();
    resize(560, sizeHint().height());
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

QLineEdit* ProfileEditorDialog::addLine(const QString& label, const QString& objectName, const QString& text,
                                        bool secret)
{
    auto* line = new QLineEdit(text, this);
    line->setObjectName(objectName);
    QString accessible = label;
    accessible.remove(u'&');
    line->setAccessibleName(accessible);
    if (secret)
        line->setEchoMode(QLineEdit::Password);
    m_form->addRow(label, line);
    return line;
}

// Only the fields the chosen grant uses are shown.
void ProfileEditorDialog::updateFields()
{
    const auto grant = OAuthProfile::GrantType(m_grantComboBox->currentData().toInt());
    const auto show = [this](QWidget* field, bool visible) { m_form->setRowVisible(field, visible); };
    show(m_authorizeUrlLineEdit, grant == OAuthProfile::GrantType::AuthorizationCode);
    show(m_deviceUrlLineEdit, grant == OAuthProfile::GrantType::DeviceCode);
    show(m_usernameLineEdit, grant == OAuthProfile::GrantType::Password);
    show(m_passwordLineEdit, grant == OAuthProfile::GrantType::Password);
}

void ProfileEditorDialog::discover()
{
    const QString issuer = m_resolve ? m_resolve(m_issuerLineEdit->text().trimmed()) : m_issuerLineEdit->text();
    if (issuer.isEmpty()) {
        m_discoveryLabel->setText(tr("Type the issuer URL first."));
        return;
    }
    m_discoverPushButton->setEnabled(false);
    m_discoveryLabel->setText(tr("Asking %1…").arg(issuer));
    Discovery::discover(
        *m_client, issuer, this,
        [this](const std::optional<AuthServerMetadata>& metadata, const std::optional<OAuthError>& error) {
            m_discoverPushButton->setEnabled(true);
            if (!metadata) {
                m_discoveryLabel->setText(tr("Discovery failed: %1").arg(error ? error->message() : tr("no metadata")));
                emit discoveryFinished(false);
                return;
            }
            // Discovered endpoints replace what the fields hold: that is what Discover is for.
            const auto fill = [](QLineEdit* line, const QString& url) {
                if (!url.isEmpty())
                    line->setText(url);
            };
            fill(m_tokenUrlLineEdit, metadata->tokenEndpoint);
            fill(m_authorizeUrlLineEdit, metadata->authorizationEndpoint);
            fill(m_deviceUrlLineEdit, metadata->deviceAuthorizationEndpoint);
            fill(m_revocationUrlLineEdit, metadata->revocationEndpoint);
            fill(m_introspectionUrlLineEdit, metadata->introspectionEndpoint);
            m_discoveryLabel->setText(tr("Endpoints from %1").arg(metadata->sourceUrl));
            emit discoveryFinished(true);
        });
}

OAuthProfile ProfileEditorDialog::profile() const
{
    OAuthProfile p = m_original;
    p.name = m_nameLineEdit->text().trimmed();
    p.grantType = OAuthProfile::GrantType(m_grantComboBox->currentData().toInt());
    p.issuer = m_issuerLineEdit->text().trimmed();
    p.tokenUrl = m_tokenUrlLineEdit->text().trimmed();
    p.authorizeUrl = m_authorizeUrlLineEdit->text().trimmed();
    p.deviceAuthorizationUrl = m_deviceUrlLineEdit->text().trimmed();
    p.revocationUrl = m_revocationUrlLineEdit->text().trimmed();
    p.introspectionUrl = m_introspectionUrlLineEdit->text().trimmed();
    p.clientId = m_clientIdLineEdit->text().trimmed();
    p.clientAuth = OAuthProfile::ClientAuth(m_clientAuthComboBox->currentData().toInt());
    p.username = m_usernameLineEdit->text().trimmed();
    p.scope = m_scopeLineEdit->text().trimmed();
    p.refreshLeadSeconds = m_leadSpinBox->value();
    // Typed secrets are stored by the owner under the profile's own references.
    // (A reference to an environment variable, "env:NAME", is replaced: the typed value wins.)
    if (!clientSecret().isEmpty() && (p.clientSecretRef.isEmpty() || p.clientSecretRef.contains(u':')))
        p.clientSecretRef = QStringLiteral("client_secret");
    if (!password().isEmpty() && (p.passwordRef.isEmpty() || p.passwordRef.contains(u':')))
        p.passwordRef = QStringLiteral("password");
    return p;
}

QString ProfileEditorDialog::clientSecret() const
{
    return m_clientSecretLineEdit->text();
}

QString ProfileEditorDialog::password() const
{
    return m_passwordLineEdit->text();
}

} // namespace tb::ui
