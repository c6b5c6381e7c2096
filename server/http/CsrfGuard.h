#pragma once

#include "server/http/FormData.h"
#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tb::server {

// Django 3.2's CsrfViewMiddleware for the HTML forms (login, consent, device verification): a secret of 32
// characters lives in the "csrftoken" cookie, and every rendered form carries it masked with a fresh random pad
// (64 characters: pad + cipher), so the token in the page changes on every response (BREACH). A POST must send
// a token (form field csrfmiddlewaretoken or X-CSRFToken header) that unmasks to the cookie's secret; over
// TLS the Referer must also name this host. Anything else is Django's 403 "CSRF verification failed".
class CsrfGuard
{
public:
    // The cookie's token as sent, or a new one when the cookie is missing or malformed.
    static QByteArray cookieToken(const HttpRequest& request);
    // A fresh token with a new secret (Django rotates it at login).
    static QByteArray newToken();
    // The token for a form in the page: the cookie token's secret under a new mask.
    static QByteArray formToken(const QByteArray& cookieToken);
    // Why the POST is refused, or nothing when it passes.
    static std::optional<QString> rejection(const HttpRequest& request, const FormData& form);
    // Sets the csrftoken cookie (one year, SameSite=Lax, Secure over TLS) as Django does on each use.
    static void setCookie(HttpResponse& response, const QByteArray& cookieToken, qint64 now, bool secure);
    // The 403 page.
    static HttpResponse failure(const QString& reason);

private:
    static QByteArray sanitize(const QByteArray& token);
    static QByteArray unmask(const QByteArray& token);
    static QByteArray mask(const QByteArray& secret);
};

} // namespace tb::server
