#include "server/oauth/BrowserSession.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/Cookies.h"
#include "server/http/CsrfGuard.h"
#include "server/http/DjangoUrl.h"

namespace tb::server {

namespace {

const QByteArray kCookieName = QByteArrayLiteral("sessionid");

} // namespace

std::optional<UserRecord> BrowserSession::user(const HttpRequest& request)
{
    const QByteArray cookie = Cookies::value(request, kCookieName);
    if (cookie.isEmpty()) {
        return std::nullopt;
    }
    const qint64 userId = m_context.store.sessions().userFor(tokenDigest(cookie), m_context.now());
    if (userId == 0) {
        return std::nullopt;
    }
    std::optional<UserRecord> user = m_context.store.users().byId(userId);
    if (!user || !user->active) {
        return std::nullopt;
    }
    return user;
}

std::optional<UserRecord> BrowserSession::signedInUser(const HttpRequest& request, const FormData& form,
                                                       const Responder& respond)
{
    if (request.method == "POST") {
        if (const auto reason = CsrfGuard::rejection(request, form)) {
            respond(CsrfGuard::failure(*reason));
            return std::nullopt;
        }
    }
    std::optional<UserRecord> signedIn = user(request);
    if (!signedIn) {
        respond(loginRedirect(request));
    }
    return signedIn;
}

void BrowserSession::start(const HttpRequest& request, qint64 userId, HttpResponse& response)
{
    SessionStore& sessions = m_context.store.sessions();
    const qint64 now = m_context.now();
    // A new key at login (Django's cycle_key): a session id planted before login is worth nothing after it.
    if (const QByteArray old = Cookies::value(request, kCookieName); !old.isEmpty()) {
        sessions.remove(tokenDigest(old));
    }
    sessions.removeExpired(now);
    const QByteArray value = generateToken(32);
    sessions.insert(tokenDigest(value), userId, now + lifetimeSeconds);
    response.headers.append(
        {QByteArrayLiteral("Set-Cookie"),
         Cookies::setCookie(kCookieName, value, {lifetimeSeconds, now, /*httpOnly=*/true, request.secure})});
}

HttpResponse BrowserSession::loginRedirect(const HttpRequest& request)
{
    HttpResponse response = HttpResponse::emptyHtml(302);
    response.setHeader("Location", DjangoUrl::loginUrl(request));
    response.setHeader("Vary", "Cookie");
    return response;
}

} // namespace tb::server
