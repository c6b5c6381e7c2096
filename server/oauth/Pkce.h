#pragma once

#include <QString>

namespace tb::server {

// RFC 7636 section 4.6: S256 compares BASE64URL(SHA256(verifier)) with the challenge, plain compares them as is.
// Constant-time; an unknown method never verifies.
namespace Pkce {
bool verify(const QString& challenge, const QString& method, const QString& verifier);
QString s256Challenge(const QString& verifier);
} // namespace Pkce

} // namespace tb::server
