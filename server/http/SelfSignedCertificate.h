#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <optional>

namespace tb::server {

struct CertificateAndKey
{
    QSslCertificate certificate;
    QSslKey key;
};

// A fresh EC P-256 key and a self-signed certificate for commonName, localhost, 127.0.0.1 and ::1
// (subjectAltName), valid from an hour ago for validDays. Null members if OpenSSL fails.
CertificateAndKey generateSelfSignedCertificate(const QString& commonName, int validDays);

// A throwaway P-256 certificate for localhost / 127.0.0.1 / ::1 (--tls-self-signed), valid for 30 days,
// generated with OpenSSL at start and never written to disk.
std::optional<QSslConfiguration> makeSelfSignedTls(QString* error);
// --tls-cert / --tls-key: PEM files.
std::optional<QSslConfiguration> loadTls(const QString& certificatePath, const QString& keyPath, QString* error);

} // namespace tb::server
