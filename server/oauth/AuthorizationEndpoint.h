#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/BrowserSession.h"

namespace tb::server {

// GET|POST /o/authorize/ (RFC 6749 section 4.1.1-4.1.2, RFC 7636), as Django OAuth Toolkit's AuthorizationView
// with oauthlib's checks in oauthlib's order:
//
//   browser --GET /o/authorize/?...--> no session: 302 /accounts/login/?next=<path+query, quoted twice>
//           <-- consent page (hidden fields, csrfmiddlewaretoken)
//           --POST allow=Authorize--> 302 redirect_uri?code=...&state=...  (code: 60 s, single use, PKCE-bound)
//           --POST without allow---> 302 redirect_uri?error=access_denied&state=...
//
// Errors about the client or the redirect URI are shown as a 400 page (redirecting would hand them to an
// unverified URI); every other error goes back to the redirect URI in the query (section 4.1.2.1).
class AuthorizationEndpoint
{
public:
    explicit AuthorizationEndpoint(ServerContext& context) : m_context(context), m_session(context) {}

    void handle(const HttpRequest& request, Responder respond);

    // Scope descriptions as the peer's SCOPES setting words them (the consent and device pages list them).
    static QString scopeDescription(const QString& scope);

private:
    struct Validated;
    // Runs oauthlib's validation of an authorization request (query on GET, form on POST).
    Validated validate(const FormData& params, bool checkDuplicates);
    HttpResponse consentPage(const HttpRequest& request, const Validated& validated, const UserRecord& user);
    HttpResponse decide(const FormData& form, const UserRecord& user);

    ServerContext& m_context;
    BrowserSession m_session;
};

} // namespace tb::server
