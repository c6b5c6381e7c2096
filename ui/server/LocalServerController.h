#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QSslCertificate;
class QThread;

namespace tb::ui {

class LocalServerHost;

// Runs the bundled reference server (tokenbench_server) inside the app, on a worker thread of its own: it is created,
// started, stopped and destroyed on that thread, so its sockets and SQLite connection never cross threads, and the
// UI never waits for it (PBKDF2 seeding included). The controller lives on the UI thread and reports by signals.
//
//   UI thread                          worker thread
//   start(settings) --queued-->        Server::start(config)   (seed, listen)
//   stateChanged(Running) <--queued--  port, base URL
//   requestLogged(line) <--queued--    one line per answered request (method, path without query, status, time)
class LocalServerController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerController)

public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Stopping,
        Failed
    };
    Q_ENUM(State)

    struct Settings
    {
        quint16 port = 8000;            // 0: any free port
        bool fallbackToFreePort = true; // when `port` is taken, listen on a free one instead of failing
        bool tls = false;               // HTTPS with a throwaway self-signed certificate
        // The in-process server holds only the demo seed's public test credentials, in memory: a modest PBKDF2
        // count keeps its start and each sign-in quick.
        int passwordIterations = 10000;
        // The SQLite file for its users, clients and tokens, so they outlive the app (a token kept in the keychain
        // still works after a restart); created with its folder when missing. Empty: in memory, gone when it stops.
        QString databasePath;
        std::function<qint64()> clock; // seconds since the epoch, called on the worker thread; empty: system
    };

    explicit LocalServerController(QObject* parent = nullptr);
    ~LocalServerController() override;

    void start(const Settings& settings);
    void stop();
    State state() const { return m_state; }
    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port(0)); }
    QString errorString() const { return m_error; }
    // "Running at http://127.0.0.1:8000", "Stopped", "Could not start: ..."
    QString describe() const;

signals:
    void stateChanged(tb::ui::LocalServerController::State state);
    // Never carries a secret: the path without its query string, the status and the time.
    void requestLogged(const QString& line);

private:
    void setState(State state);
    static void trust(const QSslCertificate& certificate);

    QThread* m_thread;
    LocalServerHost* m_host; // lives on m_thread
    State m_state = State::Stopped;
    QUrl m_baseUrl;
    QString m_error;
};

} // namespace tb::ui
