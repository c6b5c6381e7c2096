#include "server/http/RequestUrl.h"

namespace tb::server::RequestUrl {

QString scheme(const HttpRequest& request)
{
    if (request.secure) {
        return QStringLiteral("https");
    }
    bool ok = false;
    const quint32 ipv4 = request.peerAddress.toIPv4Address(&ok);
    if (ok && ipv4 == 0x7f000001 && request.header("x-forwarded-proto").trimmed().toLower() == "https") {
        return QStringLiteral("https");
    }
    return QStringLiteral("http");
}

QString origin(const HttpRequest& request)
{
    const QByteArray host = request.header("host");
    return scheme(request) + QStringLiteral("://") +
           QString::fromLatin1(host.isEmpty() ? request.localAuthority : host);
}

} // namespace tb::server::RequestUrl
