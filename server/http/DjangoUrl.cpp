#include "server/http/DjangoUrl.h"

namespace tb::server::DjangoUrl {

namespace {

bool alwaysSafe(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-' || c == '~';
}

} // namespace

QByteArray quote(QByteArrayView text, QByteArrayView safe)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(text.size() * 3);
    for (char c : text) {
        if (alwaysSafe(c) || safe.contains(c)) {
            out.append(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.append('%').append(hex[byte >> 4]).append(hex[byte & 0xF]);
        }
    }
    return out;
}

QByteArray iriToUri(QByteArrayView text)
{
    return quote(text, "/#%[]=:;$&()+,!?*@'~");
}

QByteArray fullPath(const HttpRequest& request)
{
    return request.query.isEmpty() ? request.path : request.path + '?' + iriToUri(request.query);
}

QByteArray loginUrl(const HttpRequest& request)
{
    return "/accounts/login/?next=" + quote(fullPath(request), "/");
}

} // namespace tb::server::DjangoUrl
