#include "server/LocalServerController.h"

#include "server/DemoSeed.h"
#include "server/LocalServerHost.h"
#include "server/ServerConfig.h"
#include "server/http/SelfSignedCertificate.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTime>

namespace tb::ui {

LocalServerController::LocalServerController(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_host(new LocalServerHost)
{
    m_thread->setObjectName(QStringLiteral("localServerThread"));
    m_host->moveToThread(m_thread);
    // Deferred deletes run when the thread's loop ends: the server stops and dies on its own thread.
    connect(m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread->start();
}

LocalServerController::~LocalServerController()
{
    m_thread->quit();
    m_thread->wait();
}

QString LocalServerController::describe() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Stopped");
    case State::Starting:
        return tr("Starting…");
    case State::Running:
        return tr("Running at %1").arg(m_baseUrl.toString());
    case State::Stopping:
        return tr("Stopping…");
    case State::Failed:
        return tr("Could not start: %1").arg(m_error);
    }
    return {};
}

void LocalServerController::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

void LocalServerController::start(const Settings& settings)
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Stopping)
        return;
    m_error.clear();
    setState(State::Starting);
    QMetaObject::invokeMethod(m_host, [this, host = m_host, settings] {
        // Worker thread from here on; `this` is only used to emit and to post back (the controller outlives the
        // thread: its destructor waits for it).
        server::ServerConfig config;
        config.port = settings.port;
        config.passwordIterations = settings.passwordIterations;
        if (!settings.databasePath.isEmpty()) {
            QDir().mkpath(QFileInfo(settings.databasePath).absolutePath());
            config.databasePath = settings.databasePath;
        }
        config.clock = settings.clock;
        config.seeds = {server::demoSeedJson()};
        config.hashThreads = 1;
        config.requestLog = [this](const server::RequestLogEntry& entry) {
            emit requestLogged(QStringLiteral("%1  %2 %3  %4  %5 ms")
                                   .arg(QTime::currentTime().toString(u"HH:mm:ss"), QString::fromLatin1(entry.method),
                                        QString::fromUtf8(entry.path))
                                   .arg(entry.status)
                                   .arg(entry.milliseconds, 0, 'f', 1));
        };
        QString error;
        if (settings.tls) {
            config.tls = server::makeSelfSignedTls(&error);
        }
        bool ok = !settings.tls || config.tls.has_value();
        if (ok) {
            host->server = std::make_unique<server::Server>();
            ok = host->server->start(config);
            if (!ok && settings.port != 0 && settings.fallbackToFreePort) {
                config.port = 0;
                host->server = std::make_unique<server::Server>();
                ok = host->server->start(config);
            }
            if (!ok)
                error = host->server->errorString();
        }
        const QUrl url = ok ? host->server->baseUrl() : QUrl();
        const QSslCertificate certificate = ok && config.tls ? config.tls->localCertificate() : QSslCertificate();
        if (!ok)
            host->server.reset();
        QMetaObject::invokeMethod(this, [this, ok, url, error, certificate] {
            if (!certificate.isNull())
                trust(certificate);
            m_baseUrl = url;
            m_error = error;
            setState(ok ? State::Running : State::Failed);
        });
    });
}

// The app's own requests (HttpExecutor, the token manager) must reach the HTTPS server it runs: its throwaway
// certificate, whose key never leaves this process, joins the trusted ones of this process only.
void LocalServerController::trust(const QSslCertificate& certificate)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(configuration);
}

void LocalServerController::stop()
{
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    QMetaObject::invokeMethod(m_host, [this, host = m_host] {
        if (host->server)
            host->server->stop();
        host->server.reset();
        QMetaObject::invokeMethod(this, [this] {
            m_baseUrl.clear();
            setState(State::Stopped);
        });
    });
}

} // namespace tb::ui
