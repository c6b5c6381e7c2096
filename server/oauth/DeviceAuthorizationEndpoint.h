#pragma once

#include "server/ServerContext.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/ClientAuthenticator.h"

namespace tb::server {

// POST /o/device_authorization/ (RFC 8628 section 3.1-3.2): a client that may use the device_code grant
// authenticates as at the token endpoint (a public client by client_id alone) and gets
//
//   {"device_code": "<40 chars>", "user_code": "BCDF-GHJK", "verification_uri": "<origin>/o/device/",
//    "verification_uri_complete": "<origin>/o/device/?user_code=BCDF-GHJK", "expires_in": 600, "interval": 5}
//
// The device shows the user code and polls /o/token/ (DeviceCodeGrant) while the user approves it at
// /o/device/ (DeviceVerificationEndpoint). Also served at /o/device-authorization/, DOT 3's path.
class DeviceAuthorizationEndpoint
{
public:
    static constexpr qint64 lifetimeSeconds = 600;
    static constexpr qint64 intervalSeconds = 5;

    explicit DeviceAuthorizationEndpoint(ServerContext& context) : m_context(context), m_clientAuth(context) {}

    void handle(const HttpRequest& request, Responder respond);

private:
    ServerContext& m_context;
    ClientAuthenticator m_clientAuth;
};

} // namespace tb::server
