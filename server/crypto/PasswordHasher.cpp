#include "server/crypto/PasswordHasher.h"

#include "server/crypto/Pbkdf2.h"
#include "server/crypto/TokenCrypto.h"

#include <QList>

namespace tb::server {

namespace {
constexpr QByteArrayView kAlgorithm = "pbkdf2_sha256";
constexpr int kMaxIterations = 100'000'000;
} // namespace

QByteArray PasswordHasher::hash(const QByteArray& password, int iterations)
{
    // Django's salts are 22 characters of [A-Za-z0-9] (about 131 bits).
    return hash(password, iterations, generateToken(22));
}

QByteArray PasswordHasher::hash(const QByteArray& password, int iterations, const QByteArray& salt)
{
    const QByteArray derived = pbkdf2Sha256(password, salt, iterations).toBase64();
    return kAlgorithm.toByteArray() + '$' + QByteArray::number(iterations) + '$' + salt + '$' + derived;
}

bool PasswordHasher::verify(const QByteArray& encoded, const QByteArray& password)
{
    const QList<QByteArray> parts = encoded.split('$');
    if (parts.size() != 4 || parts[0] != kAlgorithm || parts[2].isEmpty()) {
        return false;
    }
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > kMaxIterations) {
        return false;
    }
    const QByteArray expected = QByteArray::fromBase64(parts[3]);
    if (expected.isEmpty()) {
        return false;
    }
    return constantTimeEquals(pbkdf2Sha256(password, parts[2], iterations, int(expected.size())), expected);
}

} // namespace tb::server
