#include "server/LocalServerPanel.h"

#include "auth/SecretClipboard.h"
#include "server/DemoSeed.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

// The demo seed's client for a grant type, as {client_id, client_secret}.
std::pair<QString, QString> seedClient(const QJsonObject& seed, const QString& grant)
{
    for (const auto& value : seed[u"clients"].toArray()) {
        const QJsonObject client = value.toObject();
        if (client[u"grant_types"].toArray().contains(grant))
            return {client[u"client_id"].toString(), client[u"client_secret"].toString()};
    }
    return {};
}

} // namespace

LocalServerPanel::LocalServerPanel(LocalServerController* controller, SecretClipboard* clipboard, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_clipboard(clipboard)
{
    setObjectName(QStringLiteral("localServerPanel"));
    setAccessibleName(tr("Local OAuth server"));

    m_portSpinBox = new QSpinBox(this);
    m_portSpinBox->setObjectName(QStringLiteral("serverPortSpinBox"));
    m_portSpinBox->setAccessibleName(tr("Port"));
    m_portSpinBox->setRange(0, 65535);
    m_portSpinBox->setSpecialValueText(tr("any free port"));
    m_portSpinBox->setValue(8000);
    m_tlsCheckBox = new QCheckBox(tr("&HTTPS (self-signed certificate)"), this);
    m_tlsCheckBox->setObjectName(QStringLiteral("serverTlsCheckBox"));
    m_tlsCheckBox->setAccessibleName(tr("HTTPS with a self-signed certificate"));
    m_startPushButton = new QPushButton(tr("&Start"), this);
    m_startPushButton->setObjectName(QStringLiteral("startServerPushButton"));
    m_startPushButton->setAccessibleName(tr("Start the local server"));
    m_stopPushButton = new QPushButton(tr("St&op"), this);
    m_stopPushButton->setObjectName(QStringLiteral("stopServerPushButton"));
    m_stopPushButton->setAccessibleName(tr("Stop the local server"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("serverStateLabel"));
    m_statusLabel->setAccessibleName(tr("Local server state"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout;
    form->addRow(tr("&Port"), m_portSpinBox);
    form->addRow(QString(), m_tlsCheckBox);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startPushButton);
    buttons->addWidget(m_stopPushButton);
    buttons->addStretch();
    form->addRow(buttons);
    form->addRow(tr("State"), m_statusLabel);

    m_logPlainTextEdit = new QPlainTextEdit(this);
    m_logPlainTextEdit->setObjectName(QStringLiteral("serverLogPlainTextEdit"));
    m_logPlainTextEdit->setAccessibleName(tr("Request log"));
    m_logPlainTextEdit->setReadOnly(true);
    m_logPlainTextEdit->setMaximumBlockCount(2000);
    m_logPlainTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logPlainTextEdit->setPlaceholderText(tr("Requests to the server appear here (paths only, never tokens)"));

    // The demo credentials are public test values (resources/demo/seed.json); secrets are still only copied.
    auto* credentials = new QGroupBox(tr("Demo credentials"), this);
    credentials->setObjectName(QStringLiteral("demoCredentialsGroupBox"));
    auto* grid = new QGridLayout(credentials);
    const QJsonObject seed = QJsonDocument::fromJson(server::demoSeedJson()).object();
    const QJsonObject user = seed[u"users"].toArray().first().toObject();
    const auto password = seedClient(seed, QStringLiteral("password"));
    const auto cc = seedClient(seed, QStringLiteral("client_credentials"));
    addCredential(grid, 0, tr("Username"), user[u"username"].toString(), false);
    addCredential(grid, 1, tr("Password"), user[u"password"].toString(), true);
    addCredential(grid, 2, tr("Password grant client id"), password.first, false);
    addCredential(grid, 3, tr("Password grant client secret"), password.second, true);
    addCredential(grid, 4, tr("Client credentials client id"), cc.first, false);
    addCredential(grid, 5, tr("Client credentials client secret"), cc.second, true);

    m_openDemoPushButton = new QPushButton(tr("Open &demo workspace"), this);
    m_openDemoPushButton->setObjectName(QStringLiteral("openDemoWorkspacePushButton"));
    m_openDemoPushButton->setAccessibleName(tr("Open demo workspace"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Request log"), this));
    layout->addWidget(m_logPlainTextEdit, 1);
    layout->addWidget(credentials);
    layout->addWidget(m_openDemoPushButton, 0, Qt::AlignLeft);

    connect(m_startPushButton, &QPushButton::clicked, this, &LocalServerPanel::startRequested);
    connect(m_stopPushButton, &QPushButton::clicked, m_controller, &LocalServerController::stop);
    connect(m_openDemoPushButton, &QPushButton::clicked, this, &LocalServerPanel::openDemoWorkspaceRequested);
    connect(m_controller, &LocalServerController::stateChanged, this, &LocalServerPanel::stateChanged);
    connect(m_controller, &LocalServerController::requestLogged, m_logPlainTextEdit, &QPlainTextEdit::appendPlainText);
    stateChanged();
}

void LocalServerPanel::addCredential(QGridLayout* grid, int row, const QString& label, const QString& value,
                                     bool secret)
{
    auto* name = new QLabel(label, this);
    auto* shown = new QLabel(secret ? QString(8, QChar(0x2022)) : value, this);
    shown->setObjectName(QStringLiteral("credentialLabel%1").arg(row));
    shown->setAccessibleName(secret ? tr("%1 (hidden)").arg(label) : label);
    if (!secret)
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyCredentialPushButton%1").arg(row));
    copy->setAccessibleName(tr("Copy %1").arg(label.toLower()));
    connect(copy, &QPushButton::clicked, this, [this, value, secret] {
        if (secret)
            m_clipboard->copy(value);
        else
            QApplication::clipboard()->setText(value);
    });
    grid->addWidget(name, row, 0);
    grid->addWidget(shown, row, 1);
    grid->addWidget(copy, row, 2);
}

quint16 LocalServerPanel::port() const
{
    return quint16(m_portSpinBox->value());
}

void LocalServerPanel::setPort(quint16 port)
{
    m_portSpinBox->setValue(port);
}

bool LocalServerPanel::tls() const
{
    return m_tlsCheckBox->isChecked();
}

void LocalServerPanel::setTls(bool on)
{
    m_tlsCheckBox->setChecked(on);
}

void LocalServerPanel::stateChanged()
{
    const auto state = m_controller->state();
    const bool idle = state == LocalServerController::State::Stopped || state == LocalServerController::State::Failed;
    m_startPushButton->setEnabled(idle);
    m_stopPushButton->setEnabled(state == LocalServerController::State::Running);
    m_portSpinBox->setEnabled(idle);
    m_tlsCheckBox->setEnabled(idle);
    m_statusLabel->setText(m_controller->describe());
}

} // namespace tb::ui
