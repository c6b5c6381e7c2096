#include "support/SelfSignedCertificate.h"

#include "server/http/SelfSignedCertificate.h"

namespace tb::test {

SelfSignedCertificate SelfSignedCertificate::generate(const QString& commonName)
{
    // The server's generator (a P-256 key, subjectAltName for 127.0.0.1 and localhost); one day is plenty here.
    const tb::server::CertificateAndKey generated = tb::server::generateSelfSignedCertificate(commonName, 1);
    return {generated.certificate, generated.key};
}

} // namespace tb::test
