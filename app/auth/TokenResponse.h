#pragma once

#include "auth/OAuthError.h"
#include "auth/TokenSet.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace tb {

// A TokenSet or the reason there is none.
struct TokenResult
{
    TokenSet tokens;
    std::optional<OAuthError> error;

    bool ok() const { return !error.has_value(); }
    static TokenResult failure(OAuthError e) { return TokenResult{{}, std::move(e)}; }
};

// Reads a token endpoint's answer (RFC 6749 5.1 / 5.2) the way real servers send it:
// - expires_in as a number or a numeric string; missing -> the access token's JWT `exp`, else lifetime unknown;
// - scope missing -> the requested scope (5.1: "OPTIONAL if identical to the scope requested");
// - every field we do not model (id_token aside) is kept in TokenSet::extra;
// - errors keep error, error_description, error_uri and the HTTP status; an HTML or empty error page still gives a
//   readable message; a 2xx carrying an `error` object counts as an error;
// - a form-encoded body (some older servers) is accepted like JSON.
class TokenResponse
{
public:
    static TokenResult parse(int httpStatus, const QByteArray& contentType, const QByteArray& body,
                             const QString& requestedScope, const QDateTime& now);

    // The error part alone, for endpoints that are not the token endpoint (device, revoke, introspect).
    static OAuthError parseError(int httpStatus, const QByteArray& contentType, const QByteArray& body);
};

} // namespace tb
