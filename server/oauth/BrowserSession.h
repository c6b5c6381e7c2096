#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpConnection.h"
#include "server/http/HttpResponse.h"

#include <optional>

namespace tb::server {

// The signed-in user of a browser, as Django's session middleware and LoginRequiredMixin see it: a random
// "sessionid" cookie (HttpOnly, SameSite=Lax, Secure over TLS, two weeks) whose digest is in the store.
class BrowserSession
{
public:
    static constexpr qint64 lifetimeSeconds = 14 * 24 * 3600; // Django's SESSION_COOKIE_AGE

    explicit BrowserSession(ServerContext& context) : m_context(context) {}

    // The active user of the request's session, if any.
    std::optional<UserRecord> user(const HttpRequest& request);
    // What a login-required form view does first: Django's CSRF check on a POST, then the session's user. When
    // either fails, respond gets the 403 page or the login redirect and the result is empty.
    std::optional<UserRecord> signedInUser(const HttpRequest& request, const FormData& form, const Responder& respond);
    // Starts a new session for userId (ending the request's old one) and sets its cookie on the response.
    void start(const HttpRequest& request, qint64 userId, HttpResponse& response);
    // 302 to /accounts/login/?next=<this request's full path>, as Django's redirect_to_login.
    static HttpResponse loginRedirect(const HttpRequest& request);

private:
    ServerContext& m_context;
};

} // namespace tb::server
