#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/BrowserSession.h"

namespace tb::server {

// /accounts/login/, Django's LoginView for the browser flows (authorization code consent, device verification):
//
//   GET   form: username, password, next, csrfmiddlewaretoken (+ csrftoken cookie)
//   POST  CSRF check (403) -> lockout -> PBKDF2 off the event loop -> new session cookie, new CSRF cookie
//         -> 302 to next when it stays on this site, else /api/users/ (LOGIN_REDIRECT_URL)
//
// Failures count towards the same per-user lockout as the password grant (10 in 15 minutes).
class LoginEndpoint
{
public:
    explicit LoginEndpoint(ServerContext& context) : m_context(context), m_session(context) {}

    void handle(const HttpRequest& request, Responder respond);

private:
    void login(const HttpRequest& request, const FormData& form, Responder respond);
    void finish(const HttpRequest& request, const FormData& form, bool verified, Responder respond);
    HttpResponse page(const HttpRequest& request, const QString& username, const QString& next, const QString& error);

    ServerContext& m_context;
    BrowserSession m_session;
};

} // namespace tb::server
