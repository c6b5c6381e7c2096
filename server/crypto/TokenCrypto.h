#pragma once

#include <QByteArray>

namespace tb::server {

// Random tokens and their storage form. Tokens are 30 characters from [A-Za-z0-9] (as Django OAuth Toolkit's)
// drawn from OpenSSL's CSPRNG without modulo bias; the database keeps only their SHA-256 digest (hex).
QByteArray generateToken(int length = 30);
QByteArray tokenDigest(const QByteArray& token);

// Constant-time comparison (CRYPTO_memcmp); different lengths compare unequal without leaking where.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

} // namespace tb::server
