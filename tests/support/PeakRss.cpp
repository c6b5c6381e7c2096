#include "PeakRss.h"

#include <QByteArray>
#include <QFile>

namespace tb::test {

namespace {

// A "Name:   1234 kB" line of /proc/self/status, in bytes.
qint64 statusField(const QByteArray& name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

bool PeakRss::resetPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

qint64 PeakRss::current()
{
    return statusField("VmRSS");
}

qint64 PeakRss::peak()
{
    return statusField("VmHWM");
}

} // namespace tb::test
