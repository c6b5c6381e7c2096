#pragma once

#include <QByteArray>

namespace tb::server {

// resources/demo/seed.json, compiled into the server: the demo user alice, user01..user45 and one client per
// grant type, with the Django reference peer's fixed public test credentials.
QByteArray demoSeedJson();

} // namespace tb::server
