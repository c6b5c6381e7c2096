#pragma once

#include "server/http/HttpRequest.h"

#include <QByteArray>

namespace tb::server {

// Cookie header parsing and Set-Cookie lines in Django's layout:
//   name=value; expires=Sun, 28 Nov 2027 09:17:38 GMT; [HttpOnly; ]Max-Age=N; Path=/; SameSite=Lax[; Secure]
namespace Cookies {

// The value of the named cookie (the last one when repeated, as Django's parse_cookie), or a null QByteArray.
QByteArray value(const HttpRequest& request, QByteArrayView name);

struct Attributes
{
    qint64 maxAge = 0;
    qint64 now = 0; // seconds since the epoch, for the expires attribute
    bool httpOnly = false;
    bool secure = false;
};
QByteArray setCookie(const QByteArray& name, const QByteArray& value, const Attributes& attributes);

} // namespace Cookies

} // namespace tb::server
