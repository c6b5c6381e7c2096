#include "support/TestHttpServerThread.h"

#include "support/TestHttpServer.h"

namespace tb::test {

TestHttpServerThread::TestHttpServerThread()
{
    m_thread.setObjectName(QStringLiteral("TestHttpServerThread"));
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // The server's sockets must be created in the thread that serves them.
    QMetaObject::invokeMethod(
        m_context, [this] { m_server = new TestHttpServer(TestHttpServer::Mode::Plain, m_context); },
        Qt::BlockingQueuedConnection);
}

TestHttpServerThread::~TestHttpServerThread()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString TestHttpServerThread::urlString(const QString& path) const
{
    return m_server->urlString(path); // the port never changes after construction
}

} // namespace tb::test
