#include "cli/TokenSession.h"

#include "auth/TokenManager.h"
#include "cli/SecretWriter.h"

#include <QProcess>
#include <QTextStream>

namespace tb::cli {

namespace {

// The CLI cannot use QDesktopServices (QtGui): it prints the URL and asks the desktop to open it when there is one.
bool openInBrowser(const QUrl& url)
{
    QTextStream(stderr) << "Sign in at:\n  " << url.toString(QUrl::FullyEncoded) << "\n";
    const bool desktop = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if (!desktop || qEnvironmentVariableIsSet("TOKENBENCH_NO_BROWSER"))
        return false;
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
}

} // namespace

TokenSession::TokenSession(QObject* parent) : QObject(parent) {}

TokenSession::~TokenSession()
{
    // The manager talks to the store while it lives.
    m_manager.reset();
}

SecretStore* TokenSession::store() const
{
    return m_secrets ? m_secrets->store() : nullptr;
}

QStringList TokenSession::storeNotes() const
{
    return m_secrets ? m_secrets->notes() : QStringList();
}

void TokenSession::openStore(const QCommandLineParser& parser, const ProfileOptions& options,
                             std::function<void(QString)> ready)
{
    m_secrets = new SecretWriter(options.storeOptions(parser), this);
    m_secrets->withStore(std::move(ready));
}

void TokenSession::open(const QCommandLineParser& parser, const ProfileOptions& options,
                        std::function<void(QString)> ready)
{
    const ProfileOptions::Loaded loaded = options.load(parser);
    if (!loaded.ok()) {
        QMetaObject::invokeMethod(
            this, [ready, error = loaded.error] { ready(error); }, Qt::QueuedConnection);
        return;
    }
    open(loaded, new SecretWriter(options.storeOptions(parser), this), std::move(ready));
}

void TokenSession::open(const ProfileOptions::Loaded& loaded, SecretWriter* secrets, std::function<void(QString)> ready)
{
    m_loaded = loaded;
    m_secrets = secrets;
    m_secrets->withStore([this, ready](const QString& error) {
        if (!error.isEmpty())
            return ready(error);
        createManager();
        ready({});
    });
}

void TokenSession::createManager()
{
    m_manager = std::make_unique<TokenManager>(m_secrets->store(), &m_network);
    m_manager->setWorkspaceId(m_loaded.workspaceId);
    m_manager->setUrlOpener(&openInBrowser);
    for (auto it = m_loaded.transientSecrets.cbegin(); it != m_loaded.transientSecrets.cend(); ++it)
        m_manager->setTransientSecret(it.key(), it.value());
    m_manager->setProfile(m_loaded.profile);
    connect(m_manager.get(), &TokenManager::deviceCodeReady, this,
            [](const QString&, const QString& code, const QString& uri, const QString& complete) {
                QTextStream err(stderr);
                err << "To sign in, open " << uri << " and enter the code " << code << "\n";
                if (!complete.isEmpty())
                    err << "  (or open " << complete << ")\n";
                err << "Waiting for the sign-in...\n";
            });
    connect(m_manager.get(), &TokenManager::warning, this,
            [](const QString&, const QString& message) { QTextStream(stderr) << "warning: " << message << "\n"; });
}

} // namespace tb::cli
