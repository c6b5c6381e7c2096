#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tb::test {

// The real tokenbench-server binary as a child process, on 127.0.0.1 port 0 (the port is read from its
// "Listening on http://HOST:PORT" line). Its per-request log ("POST /o/token/ 200 0.31 ms") is kept, so tests can
// count what reached the server. Waits with QSignalSpy::wait (the event loop runs), never with blocking calls.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess(); // kills the server

    static QString binary();

    // Starts it with `arguments` (add --port 0 yourself); returns false with the output in errorString().
    bool start(const QStringList& arguments);
    // The demo server: --demo --port 0 --db :memory: with few PBKDF2 iterations (fast tests).
    bool startDemo(const QStringList& extra = {});

    quint16 port() const { return m_port; }
    QString url(const QString& path) const;
    QString errorString() const { return m_error; }
    QProcess& process() { return m_process; }

    // Everything it printed on stdout so far (reads what is pending first).
    QString output();
    // How many logged requests start with `methodAndPath` ("POST /o/token/").
    int requestCount(const QString& methodAndPath);

private:
    QProcess m_process;
    QString m_output;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace tb::test
