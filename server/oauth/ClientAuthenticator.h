#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpRequest.h"

#include <functional>
#include <optional>

namespace tb::server {

// Client authentication at the token, revocation and introspection endpoints, as Django OAuth Toolkit 1.7
// does it (RFC 6749 section 2.3.1):
//
//   Authorization: Basic b64(urlenc(id):urlenc(secret))  --fails-->  client_id + client_secret in the body
//   required when Basic is sent, when the body has both, or when the named client is confidential;
//   otherwise a public client identifies itself with client_id alone.
//
// Secrets are checked against their PBKDF2 hash off the event loop (CredentialVerifier).
class ClientAuthenticator
{
public:
    struct Result
    {
        std::optional<ClientRecord> client; // empty: authentication failed (invalid_client)
        bool authenticated = false;         // true when a secret was verified (not just a public client_id)
    };

    explicit ClientAuthenticator(ServerContext& context) : m_context(context) {}

    // allowPublic: a public client may identify with client_id alone (token endpoint); revocation and
    // introspection require a verified secret.
    void authenticate(const HttpRequest& request, const FormData& form, bool allowPublic,
                      std::function<void(Result)> done);

private:
    void verifySecret(const ClientRecord& client, const QString& secret, std::function<void(bool)> done);

    ServerContext& m_context;
};

} // namespace tb::server
