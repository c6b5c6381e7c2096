#include "server/http/Cookies.h"

#include <QDateTime>
#include <QLocale>

namespace tb::server::Cookies {

QByteArray value(const HttpRequest& request, QByteArrayView name)
{
    QByteArray found;
    for (const auto& [headerName, headerValue] : request.headers) {
        if (headerName != "cookie") {
            continue;
        }
        for (const QByteArray& part : headerValue.split(';')) {
            const qsizetype eq = part.indexOf('=');
            if (eq >= 0 && part.left(eq).trimmed() == name) {
                found = part.mid(eq + 1).trimmed();
            }
        }
    }
    return found;
}

QByteArray setCookie(const QByteArray& name, const QByteArray& value, const Attributes& attributes)
{
    const QString expires = QLocale::c().toString(
        QDateTime::fromSecsSinceEpoch(attributes.now + attributes.maxAge, Qt::UTC), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'");
    QByteArray line = name + '=' + value + "; expires=" + expires.toLatin1() + "; ";
    if (attributes.httpOnly) {
        line += "HttpOnly; ";
    }
    line += "Max-Age=" + QByteArray::number(attributes.maxAge) + "; Path=/; SameSite=Lax";
    if (attributes.secure) {
        line += "; Secure";
    }
    return line;
}

} // namespace tb::server::Cookies
