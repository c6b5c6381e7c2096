#pragma once

#include "server/ServerConfig.h"
#include "server/crypto/CredentialVerifier.h"
#include "server/store/Store.h"

namespace tb::server {

// What the endpoints share within one Server: its configuration, store, clock and hashing pool.
struct ServerContext
{
    const ServerConfig& config;
    Store& store;
    CredentialVerifier& verifier;

    qint64 now() const;
};

} // namespace tb::server
