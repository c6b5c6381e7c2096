#include "support/LocalOAuthServer.h"

#include "support/HttpTestClient.h"

#include "server/DemoSeed.h"
#include "server/crypto/TokenCrypto.h"
#include "server/store/Store.h"
#include "support/HttpTestClient.h"

#include <QDateTime>

#include <algorithm>

namespace tb::test {

LocalOAuthServer::LocalOAuthServer() : LocalOAuthServer(Options{}) {}

LocalOAuthServer::LocalOAuthServer(const Options& options)
    : m_options(options), m_clock(std::make_shared<std::atomic<qint64>>(QDateTime::currentSecsSinceEpoch())),
      m_requests(std::make_shared<QList<tb::server::RequestLogEntry>>()),
      m_server(std::make_unique<tb::server::Server>())
{}

LocalOAuthServer::~LocalOAuthServer() = default;

bool LocalOAuthServer::start()
{
    tb::server::ServerConfig config;
    config.host = QHostAddress::LocalHost;
    config.port = 0;
    config.databasePath = m_options.databasePath;
    config.accessTokenTtl = m_options.accessTokenTtl;
    config.refreshTokenTtl = m_options.refreshTokenTtl;
    config.passwordIterations = m_options.passwordIterations;
    config.enforceScopes = m_options.enforceScopes;
    config.limits.idleTimeoutMs = m_options.idleTimeoutMs;
    config.hashThreads = 2;
    config.clock = [clock = m_clock] { return clock->load(); };
    config.requestLog = [log = m_requests](const tb::server::RequestLogEntry& entry) { log->append(entry); };
    if (m_options.demoSeed) {
        config.seeds.append(tb::server::demoSeedJson());
    }
    return m_server->start(config);
}

void LocalOAuthServer::stop()
{
    m_server->stop();
}

QString LocalOAuthServer::errorString() const
{
    return m_server->errorString();
}

quint16 LocalOAuthServer::port() const
{
    return m_server->port();
}

QUrl LocalOAuthServer::baseUrl() const
{
    return m_server->baseUrl();
}

QUrl LocalOAuthServer::url(const QString& pathAndQuery) const
{
    return QUrl(baseUrl().toString() + pathAndQuery);
}

int LocalOAuthServer::requestCount(const QByteArray& method, const QByteArray& path) const
{
    return int(std::count_if(m_requests->cbegin(), m_requests->cend(), [&](const tb::server::RequestLogEntry& e) {
        return e.method == method && e.path == path;
    }));
}

int LocalOAuthServer::apiStatus(const QString& accessToken) const
{
    return HttpTestClient::fetch(port(), "GET", "/api/users/", {"Authorization: Bearer " + accessToken.toUtf8()})
        .status;
}

QString LocalOAuthServer::issueAuthorizationCode(const QString& clientId, const QString& username,
                                                 const QString& redirectUri, const QString& scope,
                                                 const QString& challenge, const QString& method)
{
    tb::server::Store* store = m_server->store();
    if (!store) {
        return {};
    }
    const auto client = store->clients().byClientId(clientId);
    const auto user = store->users().byUsername(username);
    if (!client || !user) {
        return {};
    }
    tb::server::AuthorizationCodeRecord code;
    code.clientPk = client->id;
    code.userId = user->id;
    code.redirectUri = redirectUri;
    code.scope = scope;
    code.codeChallenge = challenge;
    code.codeChallengeMethod = method;
    const QByteArray value = tb::server::generateToken();
    if (store->codes().insert(tb::server::tokenDigest(value), code, now()) == 0) {
        return {};
    }
    return QString::fromLatin1(value);
}

QByteArray LocalOAuthServer::passwordClientAuth()
{
    return HttpTestClient::basicAuth(passwordClientId(), passwordClientSecret());
}

QByteArray LocalOAuthServer::ccClientAuth()
{
    return HttpTestClient::basicAuth(ccClientId(), ccClientSecret());
}

QByteArray LocalOAuthServer::authCodeClientAuth()
{
    return HttpTestClient::basicAuth(authCodeClientId(), authCodeClientSecret());
}

QByteArray LocalOAuthServer::resourceServerAuth()
{
    return HttpTestClient::basicAuth(resourceServerClientId(), resourceServerClientSecret());
}

} // namespace tb::test
