#pragma once

#include <QByteArray>

namespace tb {

// Proof Key for Code Exchange (RFC 7636), always with the S256 method (section 4.2):
//   code_verifier  = 43..128 characters of [A-Z a-z 0-9 - . _ ~]; ours: base64url of 32 random bytes (43 chars)
//   code_challenge = BASE64URL(SHA256(ASCII(code_verifier))), no padding
class Pkce
{
public:
    static constexpr const char* method = "S256";

    // A fresh verifier from the OpenSSL CSPRNG and its challenge.
    static Pkce generate();
    static Pkce fromVerifier(const QByteArray& verifier);
    static QByteArray challengeFor(const QByteArray& verifier);

    // Unpadded base64url of `bytes` random bytes from the OpenSSL CSPRNG (also used for `state`).
    static QByteArray randomUrlSafe(int bytes);

    const QByteArray& verifier() const { return m_verifier; }
    const QByteArray& challenge() const { return m_challenge; }

private:
    QByteArray m_verifier;
    QByteArray m_challenge;
};

} // namespace tb
