#include "server/LocalServerHost.h"

namespace tb::ui {

LocalServerHost::~LocalServerHost()
{
    if (server)
        server->stop();
}

} // namespace tb::ui
