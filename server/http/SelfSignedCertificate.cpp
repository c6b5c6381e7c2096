#include "server/http/SelfSignedCertificate.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace tb::server {

namespace {

template <typename T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

std::optional<QSslConfiguration> configuration(const QSslCertificate& certificate, const QSslKey& key, QString* error)
{
    if (certificate.isNull() || key.isNull()) {
        *error = QStringLiteral("invalid TLS certificate or key");
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

} // namespace

CertificateAndKey generateSelfSignedCertificate(const QString& commonName, int validDays)
{
    PKey key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    if (!key || !cert) {
        return CertificateAndKey();
    }
    X509_set_version(cert.get(), 2);
    unsigned char serial[4] = {};
    RAND_bytes(serial, sizeof serial);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()),
                     long(serial[0] & 0x7f) << 24 | long(serial[1]) << 16 | long(serial[2]) << 8 | serial[3]);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1,
                               -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& [nid, value] : {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1"},
                                     std::pair{NID_basic_constraints, "critical,CA:FALSE"}}) {
        if (X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value)) {
            X509_add_ext(cert.get(), extension, -1);
            X509_EXTENSION_free(extension);
        }
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        return CertificateAndKey();
    }
    Bio certPem(BIO_new(BIO_s_mem()));
    Bio keyPem(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(certPem.get(), cert.get());
    PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return {QSslCertificate(bioContents(certPem.get()), QSsl::Pem),
            QSslKey(bioContents(keyPem.get()), QSsl::Ec, QSsl::Pem)};
}

std::optional<QSslConfiguration> makeSelfSignedTls(QString* error)
{
    const CertificateAndKey generated = generateSelfSignedCertificate(QStringLiteral("localhost"), 30);
    return configuration(generated.certificate, generated.key, error);
}

std::optional<QSslConfiguration> loadTls(const QString& certificatePath, const QString& keyPath, QString* error)
{
    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 or %2").arg(certificatePath, keyPath);
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    }
    auto tls = configuration(chain.isEmpty() ? QSslCertificate() : chain.first(), key, error);
    if (tls && chain.size() > 1) {
        tls->setLocalCertificateChain(chain);
    }
    return tls;
}

} // namespace tb::server
