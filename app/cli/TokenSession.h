#pragma once

#include "auth/OAuthProfile.h"
#include "cli/ProfileOptions.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <memory>

namespace tb {
class SecretStore;
class TokenManager;
} // namespace tb

namespace tb::cli {

class SecretWriter;

// What every token-using command needs: the profile from the command line, the secret store chosen for this run,
// and a TokenManager wired to the terminal (sign-in URLs, device codes and warnings go to stderr).
class TokenSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenSession)

public:
    explicit TokenSession(QObject* parent = nullptr);
    ~TokenSession() override;

    // Loads the profile and selects the store; `ready` gets an empty string, or the error to print.
    void open(const QCommandLineParser& parser, const ProfileOptions& options, std::function<void(QString)> ready);
    // A profile loaded already, with the run's store (`secrets` must outlive the session): for `send`, whose
    // workspace secrets and tokens share one store.
    void open(const ProfileOptions::Loaded& loaded, SecretWriter* secrets, std::function<void(QString)> ready);
    // Only the store (for `secrets`): no profile needed.
    void openStore(const QCommandLineParser& parser, const ProfileOptions& options, std::function<void(QString)> ready);

    TokenManager* manager() const { return m_manager.get(); }
    SecretStore* store() const;
    const OAuthProfile& profile() const { return m_loaded.profile; }
    QString workspaceId() const { return m_loaded.workspaceId; }
    QNetworkAccessManager* network() { return &m_network; }
    QStringList storeNotes() const;

private:
    void createManager();

    QNetworkAccessManager m_network;
    ProfileOptions::Loaded m_loaded;
    SecretWriter* m_secrets = nullptr; // a child, or the caller's
    std::unique_ptr<TokenManager> m_manager;
};

} // namespace tb::cli
