#include "server/Server.h"

#include "server/ServerContext.h"
#include "server/api/UsersEndpoint.h"
#include "server/crypto/CredentialVerifier.h"
#include "server/http/HttpListener.h"
#include "server/http/Router.h"
#include "server/oauth/AuthorizationEndpoint.h"
#include "server/oauth/DeviceAuthorizationEndpoint.h"
#include "server/oauth/DeviceVerificationEndpoint.h"
#include "server/oauth/IntrospectionEndpoint.h"
#include "server/oauth/LoginEndpoint.h"
#include "server/oauth/MetadataEndpoint.h"
#include "server/oauth/RevocationEndpoint.h"
#include "server/oauth/TokenEndpoint.h"
#include "server/store/Seeder.h"
#include "server/store/Store.h"

namespace tb::server {

// Everything that exists only while the server runs, in construction order.
struct Server::Runtime
{
    Runtime(const ServerConfig& config)
        : store(config.databasePath), verifier(config.hashThreads), context{config, store, verifier},
          tokenEndpoint(context), revocationEndpoint(context), introspectionEndpoint(context),
          metadataEndpoint(context), usersEndpoint(context), loginEndpoint(context), authorizationEndpoint(context),
          deviceAuthorizationEndpoint(context), deviceVerificationEndpoint(context)
    {}

    Store store;
    CredentialVerifier verifier;
    ServerContext context;
    TokenEndpoint tokenEndpoint;
    RevocationEndpoint revocationEndpoint;
    IntrospectionEndpoint introspectionEndpoint;
    MetadataEndpoint metadataEndpoint;
    UsersEndpoint usersEndpoint;
    LoginEndpoint loginEndpoint;
    AuthorizationEndpoint authorizationEndpoint;
    DeviceAuthorizationEndpoint deviceAuthorizationEndpoint;
    DeviceVerificationEndpoint deviceVerificationEndpoint;
    Router router;
    std::unique_ptr<HttpListener> listener;
};

namespace {

// Django's SecurityMiddleware and XFrameOptionsMiddleware headers, on every answer but redirects.
void addSecurityHeaders(HttpResponse& response)
{
    if (response.status < 300 || response.status >= 400) {
        response.headers.append({QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")});
    }
    response.headers.append({QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
    response.headers.append({QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("same-origin")});
}

// Django's ALLOWED_HOSTS of the peer (127.0.0.1, localhost, [::1], any port) guards against DNS rebinding.
// It applies while we listen on loopback only; bound to another address, clients may use any name for it.
bool hostAllowed(const HttpRequest& request, bool loopbackOnly)
{
    if (!loopbackOnly) {
        return true;
    }
    QByteArray host = request.header("host").toLower();
    if (host.isEmpty()) {
        return true; // HTTP/1.0 without Host: Django falls back to the server's own address
    }
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        host = close < 0 ? QByteArray() : host.left(close + 1);
    } else if (const qsizetype colon = host.indexOf(':'); colon >= 0) {
        host.truncate(colon);
    }
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

HttpResponse badRequestHtml()
{
    HttpResponse response;
    response.status = 400;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html")});
    response.body =
        QByteArrayLiteral("\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Bad Request (400)</title>\n"
                          "</head>\n<body>\n  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n");
    return response;
}

} // namespace

Server::Server(QObject* parent) : QObject(parent) {}

Server::~Server()
{
    stop();
}

bool Server::start(const ServerConfig& config)
{
    stop();
    m_error.clear();
    m_config = config;
    auto runtime = std::make_unique<Runtime>(m_config);
    if (!runtime->store.open(&m_error)) {
        return false;
    }
    for (const QByteArray& seed : std::as_const(m_config.seeds)) {
        const qint64 now = runtime->context.now();
        if (!Seeder::load(runtime->store, seed, m_config.passwordIterations, now, nullptr, &m_error)) {
            return false;
        }
    }

    Runtime* rt = runtime.get();
    Router& router = rt->router;
    router.add("/o/token/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->tokenEndpoint.handle(request, std::move(respond));
    });
    router.add("/o/revoke_token/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->revocationEndpoint.handle(request, std::move(respond));
    });
    router.add("/o/introspect/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->introspectionEndpoint.handle(request, std::move(respond));
    });
    router.add("/.well-known/oauth-authorization-server",
               [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
                   rt->metadataEndpoint.handle(request, std::move(respond));
               });
    // The browser flows: session login, authorization code consent, RFC 8628 device authorization.
    router.add("/accounts/login/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->loginEndpoint.handle(request, std::move(respond));
    });
    router.add("/o/authorize/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->authorizationEndpoint.handle(request, std::move(respond));
    });
    for (const char* path : {"/o/device_authorization/", "/o/device-authorization/"}) {
        router.add(path, [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
            rt->deviceAuthorizationEndpoint.handle(request, std::move(respond));
        });
    }
    router.add("/o/device/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->deviceVerificationEndpoint.handle(request, std::move(respond));
    });
    router.add("/api/users/", [rt](const HttpRequest& request, const QList<QByteArray>&, Responder respond) {
        rt->usersEndpoint.handleList(request, std::move(respond));
    });
    router.add("/api/users/<int>/",
               [rt](const HttpRequest& request, const QList<QByteArray>& captures, Responder respond) {
                   rt->usersEndpoint.handleDetail(request, captures.first().toLongLong(), std::move(respond));
               });

    const bool loopbackOnly = m_config.host.isLoopback();
    auto handler = [rt, loopbackOnly](const HttpRequest& request, Responder respond) {
        if (!hostAllowed(request, loopbackOnly)) {
            HttpResponse response = badRequestHtml();
            addSecurityHeaders(response);
            respond(std::move(response));
            return;
        }
        // Each request reads a fresh snapshot: a statement left stepping (a COUNT read once, a lookup that found
        // its row) keeps SQLite's read transaction open, and with it every commit of another connection (an
        // admin command on the same file) out of sight.
        rt->store.database().finishStatements();
        rt->router.route(request, [respond = std::move(respond)](HttpResponse response) {
            addSecurityHeaders(response);
            respond(std::move(response));
        });
        rt->store.database().finishStatements();
    };
    rt->listener = std::make_unique<HttpListener>(m_config.limits, handler, m_config.requestLog);
    if (m_config.tls) {
        rt->listener->setTls(*m_config.tls);
    }
    if (!rt->listener->listen(m_config.host, m_config.port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(m_config.host.toString())
                      .arg(m_config.port)
                      .arg(rt->listener->errorString());
        return false;
    }
    m_runtime = std::move(runtime);
    return true;
}

void Server::stop()
{
    if (!m_runtime) {
        return;
    }
    m_runtime->listener->close();
    m_runtime->listener->closeAll();
    m_runtime.reset();
}

bool Server::isRunning() const
{
    return m_runtime != nullptr;
}

quint16 Server::port() const
{
    return m_runtime ? m_runtime->listener->serverPort() : 0;
}

QUrl Server::baseUrl() const
{
    QUrl url;
    url.setScheme(m_config.tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_config.host.toString());
    url.setPort(port());
    return url;
}

Store* Server::store() const
{
    return m_runtime ? &m_runtime->store : nullptr;
}

} // namespace tb::server
