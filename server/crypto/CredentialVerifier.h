#pragma once

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace tb::server {

// Runs PBKDF2 hashing and verification on its own thread pool and reports back on the thread this object
// lives in, so one slow login never stalls the event loop that serves everything else.
//
// Client secrets are checked on every token request, and a PBKDF2 per client_credentials request would cap
// the server at a few requests per second. A successful check is therefore remembered as an HMAC-SHA256 of
// (stored hash, secret) under a random per-process key; later checks for the same client compare that HMAC in
// constant time. It lives only in memory, and a changed secret or hash no longer matches it. User passwords
// are never cached: every password grant pays its PBKDF2.
class CredentialVerifier : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialVerifier)

public:
    explicit CredentialVerifier(int threads = 0, QObject* parent = nullptr);
    ~CredentialVerifier() override;

    // done(ok) runs on this object's thread; synchronously (before verify returns) on a cache hit.
    void verify(const QByteArray& encodedHash, const QByteArray& secret, std::function<void(bool)> done,
                const QString& cacheKey = {});
    void hash(const QByteArray& secret, int iterations, std::function<void(QByteArray)> done);
    void forget(const QString& cacheKey) { m_cache.remove(cacheKey); }

private:
    QByteArray cacheTag(const QByteArray& encodedHash, const QByteArray& secret) const;

    QThreadPool m_pool;
    QByteArray m_cacheKey;
    QHash<QString, QByteArray> m_cache;
};

} // namespace tb::server
