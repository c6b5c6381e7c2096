#include "auth/Pkce.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace tb {

namespace {
constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray Pkce::randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes) != 1)
        throw std::runtime_error("the OpenSSL random generator failed");
    QByteArray encoded = raw.toBase64(base64Url);
    OPENSSL_cleanse(raw.data(), static_cast<size_t>(raw.size()));
    return encoded;
}

Pkce Pkce::generate()
{
    return fromVerifier(randomUrlSafe(32));
}

Pkce Pkce::fromVerifier(const QByteArray& verifier)
{
    Pkce pkce;
    pkce.m_verifier = verifier;
    pkce.m_challenge = challengeFor(verifier);
    return pkce;
}

QByteArray Pkce::challengeFor(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(base64Url);
}

} // namespace tb
