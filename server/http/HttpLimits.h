#pragma once

#include <QtGlobal>

namespace tb::server {

struct HttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 32 * 1024;
    // A connection with no request in progress closes after this long; a request must also arrive complete
    // within it, which defeats slow-drip ("slowloris") clients.
    int idleTimeoutMs = 30000;
};

} // namespace tb::server
