#pragma once

#include "auth/AuthorizationCodeFlow.h"
#include "auth/OAuthError.h"
#include "auth/OAuthProfile.h"
#include "auth/TokenSet.h"
#include "core/Clock.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace tb {

class OAuthClient;
class SecretStore;

// Keeps one TokenSet per OAuth profile valid, by itself:
//
//   state:  None --get--> Fetching --ok--> Valid --lead time--> Refreshing --ok--> Valid
//                            |                |  \--expiresAt--> Expired --need--> Refreshing/Fetching
//                            +--error--> Failed                   Refreshing --invalid_grant--> (re-run grant once
//                                                                 when no person is needed) or Failed +
//                                                                 reauthenticationRequired
//
// - Proactive refresh at the profile's lead time (default 5% of the lifetime, at least 10 s) on the injected clock,
//   and on demand when a token is needed and has expired.
// - Single-flight: any number of concurrent needs (accessToken, refresh, a 401) share one token request; all get
//   the same outcome.
// - A 401 for a token we handed out: reportUnauthorized() refreshes once (or hands the newer token at once when
//   another request already refreshed it). The caller retries once; a second 401 is the answer (AuthorizedSender).
// - invalid_grant on refresh drops the refresh token; client credentials and password grants with a stored password
//   then run their grant again once; the others signal reauthenticationRequired.
// - TokenSets persist only through the SecretStore, under keyFor(workspace, profile, "tokens").
// Profiles must have their {{variables}} resolved before setProfile().
class TokenManager : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenManager)

public:
    enum class State
    {
        None,
        Fetching,
        Valid,
        Refreshing,
        Expired,
        Failed
    };
    Q_ENUM(State)

    // The outcome of a need: a token to send, or why there is none.
    struct Access
    {
        QString accessToken;
        QString scheme = QStringLiteral("Bearer");
        std::optional<OAuthError> error;
        bool ok() const { return !error.has_value(); }
        QString authorizationHeader() const { return scheme + QLatin1Char(' ') + accessToken; }
    };
    using AccessCallback = std::function<void(const Access&)>;
    using DoneCallback = std::function<void(const std::optional<OAuthError>& error, const QStringList& warnings)>;
    using JsonCallback = std::function<void(const QJsonObject&, const std::optional<OAuthError>&)>;

    TokenManager(SecretStore* store, QNetworkAccessManager* network, Clock* clock = Clock::system(),
                 QObject* parent = nullptr);
    ~TokenManager() override;

    // Namespaces the persisted tokens (and store-held secrets) of this workspace's profiles.
    void setWorkspaceId(const QString& id) { m_workspaceId = id; }
    QString workspaceId() const { return m_workspaceId; }
    // How the authorization code flow opens the browser (QDesktopServices in the apps; the tests play it).
    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }

    // Values for "mem:NAME" secret references (e.g. read from stdin by the CLI): process memory only.
    void setTransientSecret(const QString& ref, const QString& value) { m_transient.insert(ref, value); }

    // Adds or replaces a profile (by name). Its saved tokens are loaded on first use.
    void setProfile(const OAuthProfile& profile);
    void removeProfile(const QString& name);
    QStringList profileNames() const;
    std::optional<OAuthProfile> profile(const QString& name) const;

    State state(const QString& name) const;
    TokenSet tokens(const QString& name) const;
    QString lastError(const QString& name) const;
    static QString stateName(State state);

    // Loads the saved TokenSet (if any) and reports the state; no network.
    void load(const QString& name, QObject* context, DoneCallback done);
    // A valid access token: the saved one, or fetched / refreshed first.
    void accessToken(const QString& name, QObject* context, AccessCallback done);
    // Runs the grant anew, whatever is held.
    void fetch(const QString& name, QObject* context, AccessCallback done);
    // Refreshes now (the grant runs instead when there is no refresh token and no person is needed).
    void refresh(const QString& name, QObject* context, AccessCallback done);
    // `rejectedToken` got a 401: one refresh for everyone who reports it; a newer token is handed at once.
    void reportUnauthorized(const QString& name, const QString& rejectedToken, QObject* context, AccessCallback done);
    // RFC 7009: revokes the refresh and the access token, then drops the local copy even when the server could
    // not be reached (warnings say so).
    void revoke(const QString& name, QObject* context, DoneCallback done);
    // RFC 7662 on the access token (or the refresh token): the answer as the server sent it.
    void introspect(const QString& name, bool refreshToken, QObject* context, JsonCallback done);
    // Drops the local copy (memory and store); nothing is sent.
    void clear(const QString& name, QObject* context, DoneCallback done);
    // Stops a running browser or device sign-in; its waiters get a Cancelled error. No-op when none runs.
    void cancelSignIn(const QString& name);
    // Proactive refresh at the lead time (on by default). Off: the token is renewed only when a request needs it.
    void setAutoRefresh(const QString& name, bool enabled);
    bool autoRefresh(const QString& name) const;

    // Seconds before expiry at which `tokens` would be refreshed for `profile`.
    static qint64 leadSeconds(const OAuthProfile& profile, const TokenSet& tokens);

signals:
    void stateChanged(const QString& profile, tb::TokenManager::State state);
    void tokenChanged(const QString& profile);
    void tokenRefreshed(const QString& profile);
    void refreshFailed(const QString& profile, const tb::OAuthError& error);
    void reauthenticationRequired(const QString& profile, const QString& reason);
    void authorizationUrlReady(const QString& profile, const QUrl& url);
    void deviceCodeReady(const QString& profile, const QString& userCode, const QString& verificationUri,
                         const QString& verificationUriComplete);
    void warning(const QString& profile, const QString& message);
    // setAutoRefresh() changed a profile's switch.
    void autoRefreshChanged(const QString& profile, bool enabled);

private:
    struct Entry;
    enum class Operation
    {
        Obtain,
        Refresh
    };
    struct Secrets
    {
        QString clientSecret;
        QString password;
        QString refreshToken;
    };

    Entry* entry(const QString& name) const;
    void deliver(QObject* context, AccessCallback done, Access access);
    void withLoaded(Entry& e, std::function<void()> then);
    void need(const QString& name, std::optional<Operation> forced, const QString& rejectedToken, QObject* context,
              AccessCallback done);
    void start(Entry& e, Operation op, bool retriedAfterInvalidGrant);
    void prepare(Entry& e, std::function<void(const std::optional<OAuthError>&, const Secrets&)> then);
    void resolveSecret(Entry& e, const QString& ref, const QString& what,
                       std::function<void(const QString&, const std::optional<OAuthError>&)> then);
    void runObtain(Entry& e, const Secrets& secrets, std::function<void(const TokenResult&)> then);
    void completed(Entry& e, Operation op, bool retried, const TokenResult& result);
    void settle(Entry& e, const Access& access);
    void setState(Entry& e, State state);
    void persist(Entry& e, std::function<void()> then);
    void schedule(Entry& e);
    void cancelTimers(Entry& e);
    QString storeKey(const Entry& e, const QString& item) const;
    static bool personLess(const OAuthProfile& profile);

    SecretStore* m_store;
    std::unique_ptr<OAuthClient> m_client;
    Clock* m_clock;
    QString m_workspaceId = QStringLiteral("default");
    UrlOpener m_opener;
    std::map<QString, std::unique_ptr<Entry>> m_entries;
    QHash<QString, QString> m_transient;
};

} // namespace tb
