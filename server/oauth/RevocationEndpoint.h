#pragma once

#include "server/ServerContext.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/ClientAuthenticator.h"

namespace tb::server {

// POST /o/revoke_token/ (RFC 7009). Revoking an access token deletes it; revoking a refresh token marks it
// revoked and deletes its access token. Unlike DOT 1.7, a client can revoke only tokens issued to it
// (section 2.1); another client's token is treated like an unknown one (200, nothing revoked).
class RevocationEndpoint
{
public:
    explicit RevocationEndpoint(ServerContext& context) : m_context(context), m_clientAuth(context) {}

    void handle(const HttpRequest& request, Responder respond);

private:
    ServerContext& m_context;
    ClientAuthenticator m_clientAuth;
};

} // namespace tb::server
