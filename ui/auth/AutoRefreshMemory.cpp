#include "AutoRefreshMemory.h"

#include "auth/TokenManager.h"

#include <QSettings>
#include <QUrl>

namespace tb::ui {

AutoRefreshMemory::AutoRefreshMemory(TokenManager* tokens, QSettings* settings, QObject* parent)
    : QObject(parent), m_tokens(tokens), m_settings(settings)
{
    connect(m_tokens, &TokenManager::autoRefreshChanged, this, [this](const QString& profile, bool enabled) {
        if (m_restoring)
            return;
        // Only a switched-off profile needs a line: on is the default.
        if (enabled)
            m_settings->remove(key(profile));
        else
            m_settings->setValue(key(profile), false);
        m_settings->sync();
    });
}

void AutoRefreshMemory::restore()
{
    m_restoring = true;
    for (const QString& profile : m_tokens->profileNames())
        m_tokens->setAutoRefresh(profile, m_settings->value(key(profile), true).toBool());
    m_restoring = false;
}

// Workspace ids and profile names may hold '/', which QSettings reads as a group separator.
QString AutoRefreshMemory::key(const QString& profile) const
{
    const auto part = [](const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    return QStringLiteral("autoRefresh/%1/%2").arg(part(m_tokens->workspaceId()), part(profile));
}

} // namespace tb::ui
