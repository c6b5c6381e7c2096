#include "server/http/CsrfGuard.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/Cookies.h"
#include "server/http/HtmlPage.h"

#include <QUrl>

namespace tb::server {

namespace {

// Django's CSRF_ALLOWED_CHARS, in its order: the masking arithmetic depends on it.
constexpr QByteArrayView kChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr qsizetype kSecretLength = 32;
constexpr qsizetype kTokenLength = 64;
constexpr qint64 kCookieMaxAge = 31449600; // Django's CSRF_COOKIE_AGE: one year (52 weeks)

qsizetype indexOf(char c)
{
    return kChars.indexOf(c);
}

bool wellFormed(const QByteArray& token)
{
    for (char c : token) {
        if (indexOf(c) < 0) {
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray CsrfGuard::mask(const QByteArray& secret)
{
    const QByteArray pad = generateToken(int(kSecretLength));
    QByteArray cipher(kSecretLength, Qt::Uninitialized);
    for (qsizetype i = 0; i < kSecretLength; ++i) {
        cipher[i] = kChars[(indexOf(secret[i]) + indexOf(pad[i])) % kChars.size()];
    }
    return pad + cipher;
}

QByteArray CsrfGuard::unmask(const QByteArray& token)
{
    QByteArray secret(kSecretLength, Qt::Uninitialized);
    for (qsizetype i = 0; i < kSecretLength; ++i) {
        const qsizetype pad = indexOf(token[i]);
        const qsizetype cipher = indexOf(token[kSecretLength + i]);
        secret[i] = kChars[(cipher - pad + kChars.size()) % kChars.size()];
    }
    return secret;
}

// Django's _sanitize_token: a 64-character token as is, a bare 32-character secret masked, anything else empty.
QByteArray CsrfGuard::sanitize(const QByteArray& token)
{
    if (!wellFormed(token)) {
        return {};
    }
    if (token.size() == kTokenLength) {
        return token;
    }
    if (token.size() == kSecretLength) {
        return mask(token);
    }
    return {};
}

QByteArray CsrfGuard::newToken()
{
    return mask(generateToken(int(kSecretLength)));
}

QByteArray CsrfGuard::cookieToken(const HttpRequest& request)
{
    const QByteArray token = sanitize(Cookies::value(request, "csrftoken"));
    return token.isEmpty() ? newToken() : token;
}

QByteArray CsrfGuard::formToken(const QByteArray& cookieToken)
{
    return mask(unmask(cookieToken));
}

std::optional<QString> CsrfGuard::rejection(const HttpRequest& request, const FormData& form)
{
    if (request.secure) {
        // Django checks the Referer over HTTPS only: there a man in the middle could not have set the cookie.
        const QByteArray referer = request.header("referer");
        if (referer.isEmpty()) {
            return QStringLiteral("Referer checking failed - no Referer.");
        }
        const QUrl url(QString::fromLatin1(referer));
        const QByteArray host = request.header("host");
        if (url.scheme() != u"https" || url.authority().toLatin1().compare(host, Qt::CaseInsensitive) != 0) {
            return QStringLiteral("Referer checking failed - Referer does not match the host.");
        }
    }
    const QByteArray cookie = sanitize(Cookies::value(request, "csrftoken"));
    if (cookie.isEmpty()) {
        return QStringLiteral("CSRF cookie not set.");
    }
    QByteArray sent = form.value(u"csrfmiddlewaretoken").toLatin1();
    if (sent.isEmpty()) {
        sent = request.header("x-csrftoken");
    }
    sent = sanitize(sent);
    if (sent.isEmpty()) {
        return QStringLiteral("CSRF token missing or incorrect.");
    }
    if (!constantTimeEquals(unmask(sent), unmask(cookie))) {
        return QStringLiteral("CSRF token missing or incorrect.");
    }
    return std::nullopt;
}

void CsrfGuard::setCookie(HttpResponse& response, const QByteArray& cookieToken, qint64 now, bool secure)
{
    response.headers.append(
        {QByteArrayLiteral("Set-Cookie"),
         Cookies::setCookie("csrftoken", cookieToken, {kCookieMaxAge, now, /*httpOnly=*/false, secure})});
}

HttpResponse CsrfGuard::failure(const QString& reason)
{
    HttpResponse response = HtmlPage::response(
        403,
        HtmlPage::render(u"message", QStringLiteral("Forbidden (403)"),
                         {{QStringLiteral("heading"), QStringLiteral("Forbidden (403)")},
                          {QStringLiteral("message"), QStringLiteral("CSRF verification failed. Request aborted.")},
                          {QStringLiteral("details"), QStringLiteral("<p>%1</p>").arg(HtmlPage::escape(reason))}}));
    // Django's csrf_failure view answers with a bare text/html.
    response.setHeader("Content-Type", "text/html");
    return response;
}

} // namespace tb::server
