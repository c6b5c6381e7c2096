#include "server/crypto/CredentialVerifier.h"

#include "server/crypto/PasswordHasher.h"
#include "server/crypto/TokenCrypto.h"

#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QThread>

namespace tb::server {

CredentialVerifier::CredentialVerifier(int threads, QObject* parent) : QObject(parent), m_cacheKey(generateToken(43))
{
    m_pool.setMaxThreadCount(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
}

CredentialVerifier::~CredentialVerifier()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QByteArray CredentialVerifier::cacheTag(const QByteArray& encodedHash, const QByteArray& secret) const
{
    return QMessageAuthenticationCode::hash(encodedHash + '\0' + secret, m_cacheKey, QCryptographicHash::Sha256);
}

void CredentialVerifier::verify(const QByteArray& encodedHash, const QByteArray& secret, std::function<void(bool)> done,
                                const QString& cacheKey)
{
    if (!cacheKey.isEmpty()) {
        const auto it = m_cache.constFind(cacheKey);
        if (it != m_cache.constEnd() && constantTimeEquals(*it, cacheTag(encodedHash, secret))) {
            done(true);
            return;
        }
    }
    QPointer<CredentialVerifier> self(this);
    m_pool.start([self, encodedHash, secret, done = std::move(done), cacheKey]() mutable {
        const bool ok = PasswordHasher::verify(encodedHash, secret);
        // The destructor waits for the pool, so self is alive here; the queued call is dropped if it is
        // deleted before the event loop runs it.
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, encodedHash, secret, done = std::move(done), cacheKey] {
                if (ok && !cacheKey.isEmpty()) {
                    self->m_cache.insert(cacheKey, self->cacheTag(encodedHash, secret));
                }
                done(ok);
            },
            Qt::QueuedConnection);
    });
}

void CredentialVerifier::hash(const QByteArray& secret, int iterations, std::function<void(QByteArray)> done)
{
    QPointer<CredentialVerifier> self(this);
    m_pool.start([self, secret, iterations, done = std::move(done)]() mutable {
        QByteArray encoded = PasswordHasher::hash(secret, iterations);
        QMetaObject::invokeMethod(
            self.data(), [encoded = std::move(encoded), done = std::move(done)] { done(encoded); },
            Qt::QueuedConnection);
    });
}

} // namespace tb::server
