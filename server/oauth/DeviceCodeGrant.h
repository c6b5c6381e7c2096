#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/ClientAuthenticator.h"
#include "server/oauth/TokenIssuer.h"

namespace tb::server {

// The token endpoint's grant_type=urn:ietf:params:oauth:grant-type:device_code (RFC 8628 section 3.4-3.5):
//
//   device_code present -> client auth -> grant allowed -> code of this client -> not spent -> not expired
//   pending:  polled sooner than 'interval' after the last poll -> slow_down (interval += 5 s, for good)
//             else authorization_pending
//   denied:   access_denied          expired: expired_token
//   approved: tokens (a refresh token when the client may refresh), the code spent in the same transaction
class DeviceCodeGrant
{
public:
    static QString grantType() { return QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"); }
    static constexpr qint64 slowDownSeconds = 5;

    explicit DeviceCodeGrant(ServerContext& context) : m_context(context), m_clientAuth(context), m_issuer(context) {}

    void handle(const HttpRequest& request, const FormData& form, Responder respond);

private:
    HttpResponse redeem(const ClientRecord& client, const QByteArray& deviceCode);

    ServerContext& m_context;
    ClientAuthenticator m_clientAuth;
    TokenIssuer m_issuer;
};

} // namespace tb::server
