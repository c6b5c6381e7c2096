#include "support/ServerProcess.h"

#include "support/TestPaths.h"

#include <QRegularExpression>
#include <QSignalSpy>

namespace tb::test {

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::binary()
{
    return binaryDir() + QStringLiteral("/server/tokenbench-server");
}

bool ServerProcess::start(const QStringList& arguments)
{
    m_output.clear();
    m_port = 0;
    m_process.setProgram(binary());
    m_process.setArguments(arguments);
    m_process.start();
    static const QRegularExpression listening(QStringLiteral("Listening on https?://[^:\\s]+:(\\d+)\\n"));
    QSignalSpy readable(&m_process, &QProcess::readyReadStandardOutput);
    for (int i = 0; i < 100; ++i) {
        const auto match = listening.match(output());
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning && i > 0)
            break;
        readable.wait(100);
    }
    m_error = QStringLiteral("tokenbench-server did not start (%1): ").arg(m_process.errorString()) + output() +
              QString::fromUtf8(m_process.readAllStandardError());
    return false;
}

bool ServerProcess::startDemo(const QStringList& extra)
{
    return start(QStringList{QStringLiteral("--demo"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--db"), QStringLiteral(":memory:"),
                             QStringLiteral("--password-iterations"), QStringLiteral("1000")} +
                 extra);
}

QString ServerProcess::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QString ServerProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAllStandardOutput());
    return m_output;
}

int ServerProcess::requestCount(const QString& methodAndPath)
{
    const QString text = output();
    int count = 0;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        if (line.startsWith(methodAndPath))
            ++count;
    }
    return count;
}

} // namespace tb::test
