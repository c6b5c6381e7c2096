#include "server/crypto/Pbkdf2.h"

// The low-level SHA256_* functions are deprecated in OpenSSL 3 but remain the only way to reuse a hashed
// HMAC pad block without heap allocations per iteration.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <array>
#include <cstring>

namespace tb::server {

namespace {

constexpr int kBlock = SHA256_CBLOCK;
constexpr int kDigest = SHA256_DIGEST_LENGTH;

struct HmacPads
{
    SHA256_CTX inner;
    SHA256_CTX outer;
};

HmacPads makePads(const QByteArray& password)
{
    std::array<unsigned char, kBlock> key{};
    if (password.size() > kBlock) {
        SHA256(reinterpret_cast<const unsigned char*>(password.constData()), size_t(password.size()), key.data());
    } else {
        std::memcpy(key.data(), password.constData(), size_t(password.size()));
    }
    std::array<unsigned char, kBlock> ipad{};
    std::array<unsigned char, kBlock> opad{};
    for (int i = 0; i < kBlock; ++i) {
        ipad[size_t(i)] = key[size_t(i)] ^ 0x36;
        opad[size_t(i)] = key[size_t(i)] ^ 0x5c;
    }
    HmacPads pads{};
    SHA256_Init(&pads.inner);
    SHA256_Update(&pads.inner, ipad.data(), ipad.size());
    SHA256_Init(&pads.outer);
    SHA256_Update(&pads.outer, opad.data(), opad.size());
    OPENSSL_cleanse(key.data(), key.size());
    OPENSSL_cleanse(ipad.data(), ipad.size());
    OPENSSL_cleanse(opad.data(), opad.size());
    return pads;
}

void hmacFinish(const HmacPads& pads, SHA256_CTX inner, unsigned char* out)
{
    unsigned char innerDigest[kDigest];
    SHA256_Final(innerDigest, &inner);
    SHA256_CTX outer = pads.outer;
    SHA256_Update(&outer, innerDigest, kDigest);
    SHA256_Final(out, &outer);
}

} // namespace

QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int keyLength)
{
    HmacPads pads = makePads(password);
    QByteArray result;
    result.reserve(keyLength);
    for (quint32 blockIndex = 1; result.size() < keyLength; ++blockIndex) {
        const unsigned char be[4] = {
            static_cast<unsigned char>(blockIndex >> 24), static_cast<unsigned char>(blockIndex >> 16),
            static_cast<unsigned char>(blockIndex >> 8), static_cast<unsigned char>(blockIndex)};
        SHA256_CTX inner = pads.inner;
        SHA256_Update(&inner, salt.constData(), size_t(salt.size()));
        SHA256_Update(&inner, be, sizeof be);
        unsigned char u[kDigest];
        hmacFinish(pads, inner, u);
        unsigned char t[kDigest];
        std::memcpy(t, u, kDigest);
        for (int i = 1; i < iterations; ++i) {
            SHA256_CTX next = pads.inner;
            SHA256_Update(&next, u, kDigest);
            hmacFinish(pads, next, u);
            for (int j = 0; j < kDigest; ++j) {
                t[j] ^= u[j];
            }
        }
        result.append(reinterpret_cast<const char*>(t), std::min<qsizetype>(kDigest, keyLength - result.size()));
        OPENSSL_cleanse(u, sizeof u);
        OPENSSL_cleanse(t, sizeof t);
    }
    OPENSSL_cleanse(&pads, sizeof pads);
    return result;
}

} // namespace tb::server
