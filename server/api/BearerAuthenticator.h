#pragma once

#include "server/ServerContext.h"
#include "server/http/HttpRequest.h"

namespace tb::server {

// DRF's OAuth2Authentication as DOT 1.7 implements it (RFC 6750 section 2): the token comes from
// "Authorization: Bearer <t>" (scheme in any case, exactly two parts) or, only when there is no
// Authorization header at all, from access_token in the query or a form body.
class BearerAuthenticator
{
public:
    enum class Outcome
    {
        NoCredentials,
        Invalid,
        Expired,
        Authenticated
    };
    struct Result
    {
        Outcome outcome = Outcome::NoCredentials;
        AccessTokenRecord token;
    };

    explicit BearerAuthenticator(ServerContext& context) : m_context(context) {}

    Result authenticate(const HttpRequest& request) const;

private:
    ServerContext& m_context;
};

} // namespace tb::server
