#include "server/crypto/TokenCrypto.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace tb::server {

QByteArray generateToken(int length)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int alphabetSize = sizeof alphabet - 1; // 62; bytes >= 248 are rejected to avoid modulo bias
    QByteArray token;
    token.reserve(length);
    unsigned char buffer[64];
    while (token.size() < length) {
        if (RAND_bytes(buffer, sizeof buffer) != 1) {
            throw std::runtime_error("OpenSSL RAND_bytes failed");
        }
        for (unsigned char b : buffer) {
            if (b < 248 && token.size() < length) {
                token.append(alphabet[b % alphabetSize]);
            }
        }
    }
    OPENSSL_cleanse(buffer, sizeof buffer);
    return token;
}

QByteArray tokenDigest(const QByteArray& token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace tb::server
