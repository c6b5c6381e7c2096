#pragma once

#include "server/ServerContext.h"
#include "server/http/HttpConnection.h"

namespace tb::server {

// GET /.well-known/oauth-authorization-server (RFC 8414 section 3), which the Django peer does not serve.
// The issuer is built from the request's scheme and Host like every other absolute link of the server.
class MetadataEndpoint
{
public:
    explicit MetadataEndpoint(ServerContext& context) : m_context(context) {}

    void handle(const HttpRequest& request, Responder respond);

private:
    ServerContext& m_context;
};

} // namespace tb::server
