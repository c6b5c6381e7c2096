#include "server/oauth/LoginEndpoint.h"

#include "server/http/CsrfGuard.h"
#include "server/http/DjangoUrl.h"
#include "server/http/HtmlPage.h"
#include "server/oauth/TokenEndpoint.h"

#include <QUrl>

namespace tb::server {

namespace {

const QString kInvalidLogin =
    QStringLiteral("Please enter a correct username and password. Note that both fields may be case-sensitive.");
const QByteArray kDefaultRedirect = QByteArrayLiteral("/api/users/");

// Django's url_has_allowed_host_and_scheme with ALLOWED_HOSTS = {this request's host}: a path on this site, or
// an absolute URL to this very host. Everything else (other hosts, "//host", backslashes, control characters,
// http from an https page) would make the login page an open redirector.
bool staysOnSite(const QString& next, const HttpRequest& request)
{
    if (next.isEmpty() || next.contains(u'\\')) {
        return false;
    }
    for (QChar c : next) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return false;
        }
    }
    if (next.startsWith(u'/')) {
        return !next.startsWith(u"//");
    }
    const QUrl url(next, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool schemeOk = request.secure ? scheme == u"https" : (scheme == u"http" || scheme == u"https");
    return url.isValid() && schemeOk && url.userInfo().isEmpty() &&
           url.authority().toLatin1().compare(request.header("host"), Qt::CaseInsensitive) == 0;
}

} // namespace

void LoginEndpoint::handle(const HttpRequest& request, Responder respond)
{
    if (request.method == "GET" || request.method == "HEAD") {
        const FormData query = FormData::parse(request.query);
        respond(page(request, QString(), query.value(u"next"), QString()));
        return;
    }
    if (request.method != "POST") {
        HttpResponse response = HttpResponse::emptyHtml(405);
        response.setHeader("Allow", "GET, POST, HEAD, OPTIONS");
        respond(std::move(response));
        return;
    }
    const FormData form = FormData::fromRequestBody(request);
    if (const auto reason = CsrfGuard::rejection(request, form)) {
        respond(CsrfGuard::failure(*reason));
        return;
    }
    login(request, form, std::move(respond));
}

HttpResponse LoginEndpoint::page(const HttpRequest& request, const QString& username, const QString& next,
                                 const QString& error)
{
    const QByteArray cookie = CsrfGuard::cookieToken(request);
    HttpResponse response = HtmlPage::response(
        200, HtmlPage::render(u"login", QStringLiteral("Log in"),
                              {{QStringLiteral("csrf"), QString::fromLatin1(CsrfGuard::formToken(cookie))},
                               {QStringLiteral("username"), username},
                               {QStringLiteral("next"), next},
                               {QStringLiteral("errors"), HtmlPage::errorNote(error)}}));
    CsrfGuard::setCookie(response, cookie, m_context.now(), request.secure);
    return response;
}

void LoginEndpoint::login(const HttpRequest& request, const FormData& form, Responder respond)
{
    const QString username = form.value(u"username");
    const QString password = form.value(u"password");
    if (username.isEmpty() || password.isEmpty()) {
        respond(page(request, username, form.value(u"next"), QStringLiteral("Enter both a username and a password.")));
        return;
    }
    const qint64 now = m_context.now();
    if (m_context.store.loginFailures().countSince(username, now - TokenEndpoint::lockoutWindowSeconds) >=
        TokenEndpoint::lockoutFailures) {
        respond(page(request, username, form.value(u"next"),
                     QStringLiteral("Too many failed login attempts for this user. Try again in 15 minutes.")));
        return;
    }
    const std::optional<UserRecord> user = m_context.store.users().byUsername(username);
    const bool known = user && user->active;
    // Unknown users cost a full PBKDF2 too, so the answer time does not tell which usernames exist.
    const QByteArray hash = known ? user->passwordHash
                                  : "pbkdf2_sha256$" + QByteArray::number(m_context.config.passwordIterations) +
                                        "$timing$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    m_context.verifier.verify(hash, password.toUtf8(), [this, request, form, known, respond](bool ok) {
        finish(request, form, ok && known, respond);
    });
}

void LoginEndpoint::finish(const HttpRequest& request, const FormData& form, bool verified, Responder respond)
{
    const QString username = form.value(u"username");
    const std::optional<UserRecord> user = verified ? m_context.store.users().byUsername(username) : std::nullopt;
    if (!user) {
        m_context.store.loginFailures().record(username, m_context.now());
        respond(page(request, username, form.value(u"next"), kInvalidLogin));
        return;
    }
    m_context.store.loginFailures().clear(username);
    const QString next = form.value(u"next");
    HttpResponse response = HttpResponse::emptyHtml(302);
    response.setHeader("Location", staysOnSite(next, request) ? DjangoUrl::iriToUri(next.toUtf8()) : kDefaultRedirect);
    response.setHeader("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private");
    response.setHeader("Vary", "Cookie");
    // Django rotates the CSRF secret at login, so a token seen before login is useless after it.
    CsrfGuard::setCookie(response, CsrfGuard::newToken(), m_context.now(), request.secure);
    m_session.start(request, user->id, response);
    respond(std::move(response));
}

} // namespace tb::server
