#pragma once

#include "server/ServerContext.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/ClientAuthenticator.h"

namespace tb::server {

// GET|POST /o/introspect/ (RFC 7662). The caller authenticates as a confidential client (Basic or body),
// else 403 with an empty body as DOT answers. Unlike DOT 1.7, only the token's own client or a client marked
// as a resource server learns anything (section 4); everyone else gets {"active": false}.
class IntrospectionEndpoint
{
public:
    explicit IntrospectionEndpoint(ServerContext& context) : m_context(context), m_clientAuth(context) {}

    void handle(const HttpRequest& request, Responder respond);

private:
    ServerContext& m_context;
    ClientAuthenticator m_clientAuth;
};

} // namespace tb::server
