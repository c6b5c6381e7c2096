#include "LocalServerDock.h"

#include "LocalServerController.h"
#include "LocalServerPanel.h"

#include <QSettings>

namespace tb::ui {

namespace {

const QString kPortKey = QStringLiteral("localServer/port");
const QString kTlsKey = QStringLiteral("localServer/tls");

} // namespace

LocalServerDock::LocalServerDock(LocalServerController* server, SecretClipboard* clipboard, QSettings* settings,
                                 Overrides overrides, QWidget* parent)
    : QDockWidget(tr("Local OAuth server"), parent), m_server(server), m_settings(settings),
      m_overrides(std::move(overrides)), m_panel(new LocalServerPanel(server, clipboard, this))
{
    setObjectName(QStringLiteral("localServerDockWidget"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetFloatable);
    m_panel->setPort(quint16(m_settings->value(kPortKey, 8000).toUInt()));
    m_panel->setTls(m_settings->value(kTlsKey, false).toBool());
    setWidget(m_panel);
    connect(m_panel, &LocalServerPanel::startRequested, this, &LocalServerDock::start);
}

void LocalServerDock::start()
{
    m_settings->setValue(kPortKey, m_panel->port());
    m_settings->setValue(kTlsKey, m_panel->tls());
    LocalServerController::Settings settings;
    settings.port = m_overrides.port >= 0 ? quint16(m_overrides.port) : m_panel->port();
    settings.tls = m_panel->tls();
    if (m_overrides.passwordIterations > 0)
        settings.passwordIterations = m_overrides.passwordIterations;
    settings.clock = m_overrides.clock;
    settings.databasePath = m_overrides.databasePath;
    m_server->start(settings);
}

void LocalServerDock::showAndFocus()
{
    show();
    raise();
    m_panel->setFocus();
}

} // namespace tb::ui
