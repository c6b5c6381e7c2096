#pragma once

#include <QSslCertificate>
#include <QSslKey>

namespace tb::test {

// A throwaway EC P-256 key and self-signed certificate made at run time with OpenSSL (never stored in the tree),
// valid from an hour ago for a day, for 127.0.0.1 and localhost (subjectAltName).
struct SelfSignedCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    static SelfSignedCertificate generate(const QString& commonName = QStringLiteral("127.0.0.1"));
};

} // namespace tb::test
