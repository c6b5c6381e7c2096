#pragma once

#include "server/http/HttpRequest.h"

#include <QByteArray>

namespace tb::server {

// URL quoting exactly as Django and Python's urllib do it, for byte-exact Location headers.
namespace DjangoUrl {

// urllib.parse.quote(text, safe): every byte but A-Z a-z 0-9 _ . - ~ and those in 'safe' becomes %XX.
QByteArray quote(QByteArrayView text, QByteArrayView safe);
// django.utils.encoding.iri_to_uri: quotes what may not appear in a URI, keeps reserved characters and '%'.
QByteArray iriToUri(QByteArrayView text);
// request.get_full_path(): the path, then '?' and the query when there is one.
QByteArray fullPath(const HttpRequest& request);
// redirect_to_login(): "/accounts/login/?next=" + quote(full path, safe='/'), so an already encoded query value
// is encoded a second time ("%3A" -> "%253A").
QByteArray loginUrl(const HttpRequest& request);

} // namespace DjangoUrl

} // namespace tb::server
