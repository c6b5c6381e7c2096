#pragma once

#include <QString>
#include <QThread>

namespace tb::test {

class TestHttpServer;

// A TestHttpServer on a thread of its own, for tests that measure the test thread's event loop: there the
// server's writing must not count as the application's work (a real server is in another process).
class TestHttpServerThread
{
    Q_DISABLE_COPY_MOVE(TestHttpServerThread)

public:
    TestHttpServerThread();
    ~TestHttpServerThread();

    // http://127.0.0.1:PORT + path
    QString urlString(const QString& path) const;

private:
    QThread m_thread;
    QObject* m_context = nullptr; // lives in m_thread; owns the server
    TestHttpServer* m_server = nullptr;
};

} // namespace tb::test
