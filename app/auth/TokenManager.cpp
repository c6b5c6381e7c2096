#include "auth/TokenManager.h"

#include "auth/DeviceAuthorizationFlow.h"
#include "auth/Discovery.h"
#include "auth/OAuthClient.h"
#include "secrets/SecretStore.h"

#include <QJsonDocument>

namespace tb {

struct TokenManager::Entry
{
    struct Waiter
    {
        bool guarded = false;
        QPointer<QObject> context;
        AccessCallback done;
    };

    OAuthProfile profile;
    TokenSet tokens;
    State state = State::None;
    QString lastError;
    bool loaded = false;
    bool loading = false;
    QList<std::function<void()>> afterLoad;
    bool inFlight = false;
    QList<Waiter> waiters;
    Clock::TimerId refreshTimer = 0;
    Clock::TimerId expiryTimer = 0;
    std::unique_ptr<AuthorizationCodeFlow> codeFlow;
    std::unique_ptr<DeviceAuthorizationFlow> deviceFlow;
    bool discovered = false;
    bool autoRefresh = true;
};

namespace {

OAuthError configError(const QString& message)
{
    return OAuthError::make(OAuthError::Kind::Config, QStringLiteral("configuration"), message);
}

// Deletes a flow object later: it may be the one emitting the signal we are in.
template <typename Flow> void dispose(std::unique_ptr<Flow>& flow)
{
    if (flow)
        flow.release()->deleteLater();
}

} // namespace

TokenManager::TokenManager(SecretStore* store, QNetworkAccessManager* network, Clock* clock, QObject* parent)
    : QObject(parent), m_store(store), m_client(std::make_unique<OAuthClient>(network, clock)), m_clock(clock)
{}

TokenManager::~TokenManager()
{
    for (auto& [name, e] : m_entries)
        cancelTimers(*e);
}

QString TokenManager::stateName(State state)
{
    switch (state) {
    case State::None:
        return QStringLiteral("none");
    case State::Fetching:
        return QStringLiteral("fetching");
    case State::Valid:
        return QStringLiteral("valid");
    case State::Refreshing:
        return QStringLiteral("refreshing");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

void TokenManager::setProfile(const OAuthProfile& profile)
{
    auto& slot = m_entries[profile.name];
    if (!slot)
        slot = std::make_unique<Entry>();
    slot->profile = profile;
    slot->discovered = false;
    if (slot->loaded)
        schedule(*slot); // the lead time may have changed
}

void TokenManager::removeProfile(const QString& name)
{
    auto it = m_entries.find(name);
    if (it == m_entries.end())
        return;
    cancelTimers(*it->second);
    dispose(it->second->codeFlow);
    dispose(it->second->deviceFlow);
    m_entries.erase(it);
}

QStringList TokenManager::profileNames() const
{
    QStringList names;
    for (const auto& [name, e] : m_entries)
        names << name;
    return names;
}

std::optional<OAuthProfile> TokenManager::profile(const QString& name) const
{
    if (Entry* e = entry(name))
        return e->profile;
    return std::nullopt;
}

TokenManager::State TokenManager::state(const QString& name) const
{
    Entry* live = entry(name);
    return live ? live->state : State::None;
}

TokenSet TokenManager::tokens(const QString& name) const
{
    Entry* live = entry(name);
    return live ? live->tokens : TokenSet{};
}

QString TokenManager::lastError(const QString& name) const
{
    Entry* live = entry(name);
    return live ? live->lastError : QString();
}

qint64 TokenManager::leadSeconds(const OAuthProfile& profile, const TokenSet& tokens)
{
    return profile.leadSecondsFor(tokens.lifetimeSeconds());
}

TokenManager::Entry* TokenManager::entry(const QString& name) const
{
    auto it = m_entries.find(name);
    return it == m_entries.end() ? nullptr : it->second.get();
}

QString TokenManager::storeKey(const Entry& e, const QString& item) const
{
    return SecretStore::keyFor(m_workspaceId, e.profile.name, item);
}

bool TokenManager::personLess(const OAuthProfile& profile)
{
    return profile.grantType == OAuthProfile::GrantType::ClientCredentials ||
           (profile.grantType == OAuthProfile::GrantType::Password && !profile.passwordRef.isEmpty());
}

void TokenManager::deliver(QObject* context, AccessCallback done, Access access)
{
    if (!done)
        return;
    const bool guarded = context != nullptr;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        this,
        [guarded, guard, done = std::move(done), access = std::move(access)] {
            if (!guarded || guard)
                done(access);
        },
        Qt::QueuedConnection);
}

void TokenManager::setState(Entry& e, State state)
{
    if (e.state == state)
        return;
    e.state = state;
    emit stateChanged(e.profile.name, state);
}

void TokenManager::withLoaded(Entry& e, std::function<void()> then)
{
    if (e.loaded)
        return then();
    e.afterLoad.append(std::move(then));
    if (e.loading)
        return;
    e.loading = true;
    const QString name = e.profile.name;
    m_store->read(storeKey(e, QStringLiteral("tokens")), this, [this, name](const SecretResult& result) {
        Entry* live = entry(name);
        if (!live)
            return;
        live->loading = false;
        live->loaded = true;
        if (result.ok()) {
            live->tokens = TokenSet::fromJson(QJsonDocument::fromJson(result.value).object());
            if (!live->tokens.isEmpty()) {
                setState(*live, live->tokens.isExpired(m_clock->now()) ? State::Expired : State::Valid);
                schedule(*live);
                emit tokenChanged(name);
            }
        } else if (!result.notFound()) {
            emit warning(name, QStringLiteral("the saved tokens could not be read: %1").arg(result.error));
        }
        const auto pending = std::exchange(live->afterLoad, {});
        for (const auto& fn : pending)
            fn();
    });
}

void TokenManager::load(const QString& name, QObject* context, DoneCallback done)
{
    Entry* live = entry(name);
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    auto finish = [guard, guarded, done](const std::optional<OAuthError>& error) {
        if (done && (!guarded || guard))
            done(error, {});
    };
    if (!live) {
        QMetaObject::invokeMethod(
            this, [finish, name] { finish(configError(QStringLiteral("no profile named \"%1\"").arg(name))); },
            Qt::QueuedConnection);
        return;
    }
    withLoaded(*live, [this, finish] {
        QMetaObject::invokeMethod(
            this, [finish] { finish(std::nullopt); }, Qt::QueuedConnection);
    });
}

void TokenManager::accessToken(const QString& name, QObject* context, AccessCallback done)
{
    need(name, std::nullopt, {}, context, std::move(done));
}

void TokenManager::fetch(const QString& name, QObject* context, AccessCallback done)
{
    need(name, Operation::Obtain, {}, context, std::move(done));
}

void TokenManager::refresh(const QString& name, QObject* context, AccessCallback done)
{
    need(name, Operation::Refresh, {}, context, std::move(done));
}

void TokenManager::reportUnauthorized(const QString& name, const QString& rejectedToken, QObject* context,
                                      AccessCallback done)
{
    need(name, std::nullopt, rejectedToken.isEmpty() ? QStringLiteral("\n") : rejectedToken, context, std::move(done));
}

void TokenManager::need(const QString& name, std::optional<Operation> forced, const QString& rejectedToken,
                        QObject* context, AccessCallback done)
{
    Entry* live = entry(name);
    if (!live) {
        Access failure;
        failure.error = configError(QStringLiteral("no OAuth profile named \"%1\"").arg(name));
        return deliver(context, std::move(done), failure);
    }
    Entry::Waiter waiter{context != nullptr, context, std::move(done)};
    withLoaded(*live, [this, name, forced, rejectedToken, waiter = std::move(waiter)]() mutable {
        Entry* inner = entry(name);
        if (!inner)
            return;
        const bool usable = !inner->tokens.isEmpty() && !inner->tokens.isExpired(m_clock->now());
        // A held token serves at once, even while a proactive refresh runs, unless it is the one just rejected.
        if (!forced && usable && rejectedToken != inner->tokens.accessToken) {
            if (waiter.guarded && !waiter.context)
                return;
            return deliver(waiter.context, std::move(waiter.done),
                           Access{inner->tokens.accessToken, inner->tokens.authorizationScheme(), std::nullopt});
        }
        inner->waiters.append(std::move(waiter));
        if (inner->inFlight)
            return; // single flight: this need joins the request already out
        Operation op = forced.value_or(inner->tokens.hasRefreshToken() ? Operation::Refresh : Operation::Obtain);
        if (op == Operation::Refresh && !inner->tokens.hasRefreshToken())
            op = Operation::Obtain;
        start(*inner, op, false);
    });
}

void TokenManager::start(Entry& e, Operation op, bool retriedAfterInvalidGrant)
{
    e.inFlight = true;
    setState(e, op == Operation::Refresh ? State::Refreshing : State::Fetching);
    const QString name = e.profile.name;
    prepare(e,
            [this, name, op, retriedAfterInvalidGrant](const std::optional<OAuthError>& error, const Secrets& secrets) {
                Entry* live = entry(name);
                if (!live)
                    return;
                auto onResult = [this, name, op, retriedAfterInvalidGrant](const TokenResult& result) {
                    if (Entry* current = entry(name))
                        completed(*current, op, retriedAfterInvalidGrant, result);
                };
                if (error)
                    return onResult(TokenResult::failure(*error));
                if (op == Operation::Refresh)
                    return m_client->refresh(live->profile, secrets.clientSecret, live->tokens, this, onResult);
                runObtain(*live, secrets, onResult);
            });
}

void TokenManager::prepare(Entry& e, std::function<void(const std::optional<OAuthError>&, const Secrets&)> then)
{
    const QString name = e.profile.name;
    const OAuthProfile& p = e.profile;
    const bool missingEndpoint =
        p.tokenUrl.isEmpty() || p.revocationUrl.isEmpty() || p.introspectionUrl.isEmpty() ||
        (p.grantType == OAuthProfile::GrantType::AuthorizationCode && p.authorizeUrl.isEmpty()) ||
        (p.grantType == OAuthProfile::GrantType::DeviceCode && p.deviceAuthorizationUrl.isEmpty());
    if (!p.issuer.isEmpty() && missingEndpoint && !e.discovered) {
        Discovery::discover(*m_client, p.issuer, this,
                            [this, name, then](const std::optional<AuthServerMetadata>& metadata,
                                               const std::optional<OAuthError>& error) {
                                Entry* live = entry(name);
                                if (!live)
                                    return;
                                if (metadata) {
                                    metadata->applyTo(live->profile);
                                    live->discovered = true;
                                } else if (live->profile.tokenUrl.isEmpty()) {
                                    return then(error, {});
                                }
                                prepare(*live, then);
                            });
        return;
    }
    // The secrets the grant needs, one after the other (each may be a keychain round trip).
    auto secrets = std::make_shared<Secrets>();
    resolveSecret(e, p.clientSecretRef, QStringLiteral("client secret"),
                  [this, name, secrets, then](const QString& clientSecret, const std::optional<OAuthError>& error) {
                      Entry* live = entry(name);
                      if (!live)
                          return;
                      if (error)
                          return then(error, {});
                      secrets->clientSecret = clientSecret;
                      const bool needsPassword = live->profile.grantType == OAuthProfile::GrantType::Password;
                      resolveSecret(
                          *live, needsPassword ? live->profile.passwordRef : QString(), QStringLiteral("password"),
                          [this, name, secrets, then](const QString& password, const std::optional<OAuthError>& err) {
                              Entry* inner = entry(name);
                              if (!inner)
                                  return;
                              if (err)
                                  return then(err, {});
                              secrets->password = password;
                              const bool seed = inner->profile.grantType == OAuthProfile::GrantType::RefreshToken;
                              resolveSecret(*inner, seed ? inner->profile.refreshTokenRef : QString(),
                                            QStringLiteral("refresh token"),
                                            [secrets, then](const QString& rt, const std::optional<OAuthError>& er) {
                                                secrets->refreshToken = rt;
                                                then(er, *secrets);
                                            });
                          });
                  });
}

void TokenManager::resolveSecret(Entry& e, const QString& ref, const QString& what,
                                 std::function<void(const QString&, const std::optional<OAuthError>&)> then)
{
    if (ref.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [then] { then({}, std::nullopt); }, Qt::QueuedConnection);
        return;
    }
    if (ref.startsWith(u"mem:")) {
        const bool known = m_transient.contains(ref);
        const QString value = m_transient.value(ref);
        std::optional<OAuthError> error;
        if (!known)
            error = configError(QStringLiteral("the %1 of profile \"%2\" was to come from stdin, but none was read")
                                    .arg(what, e.profile.name));
        QMetaObject::invokeMethod(
            this, [then, value, error] { then(value, error); }, Qt::QueuedConnection);
        return;
    }
    if (ref.startsWith(u"env:")) {
        const QString variable = ref.mid(4);
        const bool set = qEnvironmentVariableIsSet(variable.toLocal8Bit().constData());
        const QString value = qEnvironmentVariable(variable.toLocal8Bit().constData());
        std::optional<OAuthError> error;
        if (!set)
            error = configError(QStringLiteral("the environment variable %1 (the %2 of profile \"%3\") is not set")
                                    .arg(variable, what, e.profile.name));
        QMetaObject::invokeMethod(
            this, [then, value, error] { then(value, error); }, Qt::QueuedConnection);
        return;
    }
    const QString key = storeKey(e, ref);
    const QString profileName = e.profile.name;
    const QString storeKind = SecretStore::kindName(m_store->kind());
    m_store->read(key, this, [then, key, what, ref, profileName, storeKind](const SecretResult& result) {
        if (result.ok())
            return then(QString::fromUtf8(result.value), std::nullopt);
        if (result.notFound())
            return then({}, configError(QStringLiteral("the %1 of profile \"%2\" is not in the secret store (%3); "
                                                       "save it with: tokenbench-cli secrets set --profile %2 %4 "
                                                       "(the value is read from stdin)")
                                            .arg(what, profileName, storeKind, ref)));
        then({},
             configError(QStringLiteral("the %1 could not be read from the secret store: %2").arg(what, result.error)));
    });
}

void TokenManager::runObtain(Entry& e, const Secrets& secrets, std::function<void(const TokenResult&)> then)
{
    const QString name = e.profile.name;
    switch (e.profile.grantType) {
    case OAuthProfile::GrantType::ClientCredentials:
        return m_client->clientCredentialsGrant(e.profile, secrets.clientSecret, this, then);
    case OAuthProfile::GrantType::Password:
        return m_client->passwordGrant(e.profile, secrets.clientSecret, secrets.password, this, then);
    case OAuthProfile::GrantType::RefreshToken: {
        TokenSet seed;
        seed.refreshToken = secrets.refreshToken;
        seed.scope = e.profile.scope;
        return m_client->refresh(e.profile, secrets.clientSecret, seed, this, then);
    }
    case OAuthProfile::GrantType::AuthorizationCode: {
        dispose(e.codeFlow);
        e.codeFlow = std::make_unique<AuthorizationCodeFlow>(m_client.get(), m_opener);
        connect(e.codeFlow.get(), &AuthorizationCodeFlow::authorizationUrlReady, this,
                [this, name](const QUrl& url) { emit authorizationUrlReady(name, url); });
        connect(e.codeFlow.get(), &AuthorizationCodeFlow::finished, this, [this, name, then](const TokenResult& r) {
            if (Entry* current = entry(name))
                dispose(current->codeFlow);
            then(r);
        });
        return e.codeFlow->start(e.profile, secrets.clientSecret);
    }
    case OAuthProfile::GrantType::DeviceCode: {
        dispose(e.deviceFlow);
        e.deviceFlow = std::make_unique<DeviceAuthorizationFlow>(m_client.get());
        connect(e.deviceFlow.get(), &DeviceAuthorizationFlow::userCodeReady, this,
                [this, name](const QString& code, const QString& uri, const QString& complete) {
                    emit deviceCodeReady(name, code, uri, complete);
                });
        connect(e.deviceFlow.get(), &DeviceAuthorizationFlow::finished, this, [this, name, then](const TokenResult& r) {
            if (Entry* current = entry(name))
                dispose(current->deviceFlow);
            then(r);
        });
        return e.deviceFlow->start(e.profile, secrets.clientSecret);
    }
    }
}

void TokenManager::completed(Entry& e, Operation op, bool retried, const TokenResult& result)
{
    const QString name = e.profile.name;
    if (result.ok()) {
        e.tokens = result.tokens;
        e.lastError.clear();
        persist(e, [this, name, op] {
            Entry* live = entry(name);
            if (!live)
                return;
            setState(*live, State::Valid);
            schedule(*live);
            emit tokenChanged(name);
            if (op == Operation::Refresh)
                emit tokenRefreshed(name);
            settle(*live, Access{live->tokens.accessToken, live->tokens.authorizationScheme(), std::nullopt});
        });
        return;
    }
    const OAuthError error = *result.error;
    if (op == Operation::Refresh)
        emit refreshFailed(name, error);
    if (op == Operation::Refresh && error.isInvalidGrant()) {
        // The refresh token is dead (revoked, rotated away, expired): never send it again.
        e.tokens.refreshToken.clear();
        persist(e, [this, name, retried, error] {
            Entry* live = entry(name);
            if (!live)
                return;
            if (personLess(live->profile) && !retried)
                return start(*live, Operation::Obtain, true);
            OAuthError signIn = error;
            signIn.description =
                QStringLiteral("the refresh token was rejected (%1); sign in again (tokenbench-cli token get)")
                    .arg(error.description.isEmpty() ? error.error : error.description);
            live->lastError = signIn.message();
            setState(*live, State::Failed);
            emit reauthenticationRequired(name, live->lastError);
            settle(*live, Access{{}, {}, signIn});
        });
        return;
    }
    e.lastError = error.message();
    const bool stillUsable = !e.tokens.isEmpty() && !e.tokens.isExpired(m_clock->now());
    setState(e, op == Operation::Refresh && stillUsable ? State::Valid : State::Failed);
    settle(e, Access{{}, {}, error});
}

void TokenManager::settle(Entry& e, const Access& access)
{
    e.inFlight = false;
    const auto waiters = std::exchange(e.waiters, {});
    for (const auto& w : waiters) {
        if (!w.guarded || w.context)
            deliver(w.context, w.done, access);
    }
}

void TokenManager::persist(Entry& e, std::function<void()> then)
{
    const QString name = e.profile.name;
    auto after = [this, name, then](const SecretResult& result) {
        if (!result.ok())
            emit warning(name, QStringLiteral("the tokens could not be saved: %1").arg(result.error));
        then();
    };
    const QString key = storeKey(e, QStringLiteral("tokens"));
    if (e.tokens.isEmpty())
        m_store->remove(key, this, after);
    else
        m_store->write(key, QJsonDocument(e.tokens.toJson()).toJson(QJsonDocument::Compact), this, after);
}

void TokenManager::cancelTimers(Entry& e)
{
    if (e.refreshTimer)
        m_clock->cancel(std::exchange(e.refreshTimer, 0));
    if (e.expiryTimer)
        m_clock->cancel(std::exchange(e.expiryTimer, 0));
}

void TokenManager::schedule(Entry& e)
{
    cancelTimers(e);
    if (e.tokens.isEmpty() || !e.tokens.lifetimeKnown())
        return;
    const QString name = e.profile.name;
    const qint64 lifetime = e.tokens.lifetimeSeconds();
    const qint64 lead = leadSeconds(e.profile, e.tokens);
    // A token shorter-lived than the lead time is renewed at half its life, not in a tight loop.
    const QDateTime at = lead < lifetime ? e.tokens.expiresAt.addSecs(-lead)
                                         : e.tokens.obtainedAt.addSecs(std::max<qint64>(1, lifetime / 2));
    if (e.autoRefresh && (e.tokens.hasRefreshToken() || personLess(e.profile))) {
        e.refreshTimer = m_clock->callAt(at, this, [this, name] {
            Entry* live = entry(name);
            if (!live)
                return;
            live->refreshTimer = 0;
            if (!live->inFlight)
                start(*live, live->tokens.hasRefreshToken() ? Operation::Refresh : Operation::Obtain, false);
        });
    }
    e.expiryTimer = m_clock->callAt(e.tokens.expiresAt, this, [this, name] {
        Entry* live = entry(name);
        if (!live)
            return;
        live->expiryTimer = 0;
        if (live->state == State::Valid)
            setState(*live, State::Expired);
    });
}

void TokenManager::cancelSignIn(const QString& name)
{
    Entry* live = entry(name);
    if (!live)
        return;
    // The flows finish with a Cancelled error, which settles the waiters like any other failure.
    if (live->codeFlow)
        live->codeFlow->cancel();
    if (live->deviceFlow)
        live->deviceFlow->cancel();
}

void TokenManager::setAutoRefresh(const QString& name, bool enabled)
{
    Entry* live = entry(name);
    if (!live || live->autoRefresh == enabled)
        return;
    live->autoRefresh = enabled;
    if (live->loaded)
        schedule(*live);
    emit autoRefreshChanged(name, enabled);
}

bool TokenManager::autoRefresh(const QString& name) const
{
    Entry* live = entry(name);
    return !live || live->autoRefresh;
}

void TokenManager::clear(const QString& name, QObject* context, DoneCallback done)
{
    Entry* live = entry(name);
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    auto finish = [guard, guarded, done](const std::optional<OAuthError>& error, const QStringList& warnings) {
        if (done && (!guarded || guard))
            done(error, warnings);
    };
    if (!live) {
        QMetaObject::invokeMethod(
            this, [finish, name] { finish(configError(QStringLiteral("no profile named \"%1\"").arg(name)), {}); },
            Qt::QueuedConnection);
        return;
    }
    cancelTimers(*live);
    if (live->codeFlow)
        live->codeFlow->cancel();
    if (live->deviceFlow)
        live->deviceFlow->cancel();
    live->tokens = {};
    live->loaded = true;
    live->lastError.clear();
    persist(*live, [this, name, finish] {
        if (Entry* inner = entry(name)) {
            setState(*inner, State::None);
            emit tokenChanged(name);
        }
        finish(std::nullopt, {});
    });
}

void TokenManager::revoke(const QString& name, QObject* context, DoneCallback done)
{
    Entry* live = entry(name);
    if (!live)
        return clear(name, context, std::move(done));
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    withLoaded(*live, [this, name, guard, guarded, done] {
        Entry* inner = entry(name);
        if (!inner)
            return;
        prepare(*inner, [this, name, guard, guarded, done](const std::optional<OAuthError>& prepError,
                                                           const Secrets& secrets) {
            Entry* deepest = entry(name);
            if (!deepest)
                return;
            auto warnings = std::make_shared<QStringList>();
            auto firstError = std::make_shared<std::optional<OAuthError>>();
            const TokenSet held = deepest->tokens;
            const OAuthProfile profile = deepest->profile;
            auto finish = [this, name, guard, guarded, done, warnings, firstError] {
                // The local copy goes whatever the server said: the person asked for the token to be gone.
                clear(name, nullptr, [guard, guarded, done, warnings, firstError](const auto&, const auto&) {
                    if (done && (!guarded || guard))
                        done(*firstError, *warnings);
                });
            };
            if (held.isEmpty()) {
                warnings->append(QStringLiteral("there was no token to revoke"));
                return finish();
            }
            if (prepError || profile.revocationUrl.isEmpty()) {
                warnings->append(
                    QStringLiteral("%1; the tokens were removed here only and stay valid at the server until they "
                                   "expire")
                        .arg(prepError ? prepError->message() : QStringLiteral("no revocation URL is known")));
                return finish();
            }
            auto note = [warnings, firstError](const QString& which, const std::optional<OAuthError>& error) {
                if (!error)
                    return;
                if (error->kind == OAuthError::Kind::Network || error->kind == OAuthError::Kind::Timeout)
                    warnings->append(QStringLiteral("the server could not be reached to revoke the %1 (%2); it was "
                                                    "removed here and stays valid at the server until it expires")
                                         .arg(which, error->message()));
                else if (!*firstError)
                    *firstError = *error;
            };
            const QString secret = secrets.clientSecret;
            auto revokeAccess = [this, profile, secret, held, note, finish] {
                m_client->revoke(profile, secret, held.accessToken, QStringLiteral("access_token"), this,
                                 [note, finish](const std::optional<OAuthError>& error) {
                                     note(QStringLiteral("access token"), error);
                                     finish();
                                 });
            };
            if (!held.hasRefreshToken())
                return revokeAccess();
            // Refresh token first: revoking it also ends its access tokens at most servers (RFC 7009 2.1).
            m_client->revoke(profile, secret, held.refreshToken, QStringLiteral("refresh_token"), this,
                             [note, revokeAccess](const std::optional<OAuthError>& error) {
                                 note(QStringLiteral("refresh token"), error);
                                 revokeAccess();
                             });
        });
    });
}

void TokenManager::introspect(const QString& name, bool refreshToken, QObject* context, JsonCallback done)
{
    Entry* live = entry(name);
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    auto finish = [guard, guarded, done](const QJsonObject& json, const std::optional<OAuthError>& error) {
        if (done && (!guarded || guard))
            done(json, error);
    };
    if (!live) {
        QMetaObject::invokeMethod(
            this, [finish, name] { finish({}, configError(QStringLiteral("no profile named \"%1\"").arg(name))); },
            Qt::QueuedConnection);
        return;
    }
    withLoaded(*live, [this, name, refreshToken, finish] {
        Entry* inner = entry(name);
        if (!inner)
            return;
        prepare(*inner, [this, name, refreshToken, finish](const std::optional<OAuthError>& error, const Secrets& s) {
            Entry* deepest = entry(name);
            if (!deepest)
                return;
            if (error)
                return finish({}, error);
            const QString token = refreshToken ? deepest->tokens.refreshToken : deepest->tokens.accessToken;
            if (token.isEmpty())
                return finish({}, configError(QStringLiteral("profile \"%1\" holds no %2 to introspect")
                                                  .arg(name, refreshToken ? QStringLiteral("refresh token")
                                                                          : QStringLiteral("access token"))));
            if (deepest->profile.introspectionUrl.isEmpty())
                return finish(
                    {}, configError(QStringLiteral("no introspection URL is known for profile \"%1\"").arg(name)));
            m_client->introspect(deepest->profile, s.clientSecret, token, this, finish);
        });
    });
}

} // namespace tb
