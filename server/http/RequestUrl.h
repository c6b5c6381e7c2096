#pragma once

#include "server/http/HttpRequest.h"

#include <QString>

namespace tb::server {

// Absolute URLs as Django's request.build_absolute_uri() makes them: the Host header as sent, and https when
// the connection is TLS or, as gunicorn trusts it from 127.0.0.1 only, X-Forwarded-Proto says so.
namespace RequestUrl {
QString scheme(const HttpRequest& request);
QString origin(const HttpRequest& request); // "http://host:port"
} // namespace RequestUrl

} // namespace tb::server
