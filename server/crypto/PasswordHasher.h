#pragma once

#include <QByteArray>

namespace tb::server {

// Django's PBKDF2PasswordHasher format: "pbkdf2_sha256$<iterations>$<salt>$<base64 hash>", so password hashes
// exported from a Django database verify here and ours verify there. Pure functions, safe on any thread; the
// server runs them on a thread pool because each costs up to a few hundred milliseconds by design.
class PasswordHasher
{
public:
    static constexpr int defaultIterations = 600000;

    static QByteArray hash(const QByteArray& password, int iterations);
    static QByteArray hash(const QByteArray& password, int iterations, const QByteArray& salt);
    // False for any hash we cannot parse (other algorithms, Django's unusable "!" passwords, garbage).
    static bool verify(const QByteArray& encoded, const QByteArray& password);
};

} // namespace tb::server
