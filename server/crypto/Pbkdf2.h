#pragma once

#include <QByteArray>

namespace tb::server {

// PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2), the function behind Django's pbkdf2_sha256 hasher.
// Our own loop over precomputed HMAC pad states: OpenSSL 3's PKCS5_PBKDF2_HMAC copies and re-initialises an
// HMAC context per iteration, which costs several times the two SHA-256 compressions an iteration needs.
// Checked against PKCS5_PBKDF2_HMAC in the tests.
QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int keyLength = 32);

} // namespace tb::server
