#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <QString>

#include <optional>

namespace tb::server {

// oauthlib's response shapes (RFC 6749 section 5): json.dumps spacing, Cache-Control: no-store and
// Pragma: no-cache; invalid_client is a 401 with WWW-Authenticate, every other error a 400.
namespace OAuthResponse {

HttpResponse json(int status, const QByteArray& body);
HttpResponse error(const QString& error, const QString& description = {});
HttpResponse invalidClient();
// The 405 / OPTIONS answers of DOT's views: empty text/html with Allow.
HttpResponse methodNotAllowed(const QByteArray& allow);
HttpResponse options(const QByteArray& allow);
// The common preamble of DOT's POST-only views: OPTIONS, 405, and oauthlib's refusal of a query string (which
// DOT turns into a 500; we answer invalid_request). Empty when the request may proceed.
std::optional<HttpResponse> checkPostOnly(const HttpRequest& request);

} // namespace OAuthResponse

} // namespace tb::server
