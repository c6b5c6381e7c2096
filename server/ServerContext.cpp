#include "server/ServerContext.h"

#include <QDateTime>

namespace tb::server {

qint64 ServerContext::now() const
{
    return config.clock ? config.clock() : QDateTime::currentSecsSinceEpoch();
}

} // namespace tb::server
