#include "server/DemoSeed.h"

#include <QFile>

namespace tb::server {

QByteArray demoSeedJson()
{
    QFile file(QStringLiteral(":/tokenbench-server/demo/seed.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace tb::server
