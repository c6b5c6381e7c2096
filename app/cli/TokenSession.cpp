#include "cli/TokenSession.h"

#include "auth/TokenManager.h"
#include "cli/TerminalPrompt.h"
#include "secrets/SecretStoreSelector.h"

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

void TokenSession::openStore(const QCommandLineParser& parser, const ProfileOptions& options,
                             std::function<void(QString)> ready)
{
    SecretStoreSelector::Options selection;
    selection.ephemeral = options.ephemeral(parser);
    selection.allowKeychain = !options.noKeychain(parser);
    selection.vaultPath = options.vaultPath(parser);
    selection.askPassphrase = [](const QString& prompt) { return askHidden(prompt); };
    SecretStoreSelector::select(selection, this, [this, ready](SecretStoreSelector::Selection result) {
        m_notes = result.notes;
        if (!result.store)
            return ready(result.error);
        m_store = std::move(result.store);
        ready({});
    });
}

void TokenSession::open(const QCommandLineParser& parser, const ProfileOptions& options,
                        std::function<void(QString)> ready)
{
    m_loaded = options.load(parser);
    if (!m_loaded.ok()) {
        const QString error = m_loaded.error;
        QMetaObject::invokeMethod(
            this, [ready, error] { ready(error); }, Qt::QueuedConnection);
        return;
    }
    openStore(parser, options, [this, ready](const QString& error) {
        if (!error.isEmpty())
            return ready(error);
        m_manager = std::make_unique<TokenManager>(m_store.get(), &m_network);
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
        ready({});
    });
}

} // namespace tb::cli
