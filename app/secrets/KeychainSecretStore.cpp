#include "secrets/KeychainSecretStore.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace tb {

namespace {

QString chunkKey(const QString& key, const QByteArray& generation, int index)
{
    return key + QLatin1Char('#') + QString::fromLatin1(generation) + QLatin1Char('/') + QString::number(index);
}

QString explain(QKeychain::Error error, const QString& detail)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no keychain answers (no Secret Service on the session D-Bus, or it is locked): %1. "
                              "Start/unlock the keyring, or use the encrypted vault (TOKENBENCH_VAULT_PASSPHRASE)")
            .arg(detail);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("the keychain refused access (locked, or denied): %1").arg(detail);
    default:
        return QStringLiteral("keychain error: %1").arg(detail);
    }
}

struct Manifest
{
    bool chunked = false;
    QByteArray generation;
    int count = 0;
    QByteArray value; // when not chunked
};

std::optional<Manifest> parseStored(const QByteArray& stored)
{
    if (stored.startsWith('V'))
        return Manifest{false, {}, 0, stored.mid(1)};
    if (stored.startsWith('C')) {
        const QByteArray rest = stored.mid(1);
        const qsizetype colon = rest.indexOf(':');
        bool ok = false;
        const int count = colon > 0 ? rest.mid(colon + 1).toInt(&ok) : 0;
        if (ok && count > 0)
            return Manifest{true, rest.left(colon), count, {}};
    }
    return std::nullopt;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent), m_service(std::move(service))
{}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::description() const
{
    return QStringLiteral("system keychain (QtKeychain, service \"%1\")").arg(m_service);
}

void KeychainSecretStore::rawRead(const QString& key, RawCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        RawResult r;
        r.ok = job->error() == QKeychain::NoError;
        r.notFound = job->error() == QKeychain::EntryNotFound;
        if (r.ok)
            r.data = job->binaryData();
        else if (!r.notFound)
            r.error = explain(job->error(), job->errorString());
        done(r);
    });
    job->start();
}

void KeychainSecretStore::rawWrite(const QString& key, const QByteArray& data, RawCallback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(data);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        RawResult r;
        r.ok = job->error() == QKeychain::NoError;
        if (!r.ok)
            r.error = explain(job->error(), job->errorString());
        done(r);
    });
    job->start();
}

void KeychainSecretStore::rawDelete(const QString& key, RawCallback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        RawResult r;
        r.notFound = job->error() == QKeychain::EntryNotFound;
        r.ok = job->error() == QKeychain::NoError || r.notFound;
        if (!r.ok)
            r.error = explain(job->error(), job->errorString());
        done(r);
    });
    job->start();
}

void KeychainSecretStore::enqueue(QObject* context, Callback done, Operation operation)
{
    const bool guarded = context != nullptr;
    QPointer<QObject> guard(context);
    m_queue.enqueue([this, guarded, guard, done = std::move(done), operation = std::move(operation)]() mutable {
        operation([this, guarded, guard, done = std::move(done)](SecretResult result) {
            // Bookkeeping first: `done` may destroy this store.
            m_busy = false;
            startNext();
            if (done && (!guarded || guard))
                done(result);
        });
    });
    if (!m_busy)
        startNext();
}

void KeychainSecretStore::startNext()
{
    if (m_busy || m_queue.isEmpty())
        return;
    m_busy = true;
    auto next = m_queue.dequeue();
    // From the event loop, never inside the caller's read()/write() call.
    QMetaObject::invokeMethod(this, std::move(next), Qt::QueuedConnection);
}

void KeychainSecretStore::read(const QString& key, QObject* context, Callback done)
{
    enqueue(context, std::move(done), [this, key](std::function<void(SecretResult)> finish) {
        rawRead(key, [this, key, finish](const RawResult& raw) {
            if (raw.notFound)
                return finish(SecretResult::missing(key));
            if (!raw.ok)
                return finish(SecretResult::failure(raw.error));
            const auto stored = parseStored(raw.data);
            if (!stored)
                return finish(SecretResult::failure(
                    QStringLiteral("the keychain entry \"%1\" was not written by Tokenbench or is damaged").arg(key)));
            if (!stored->chunked)
                return finish(SecretResult::success(stored->value));
            readChunks(key, stored->generation, stored->count, {}, finish);
        });
    });
}

void KeychainSecretStore::readChunks(const QString& key, const QByteArray& generation, int count, QByteArray collected,
                                     std::function<void(SecretResult)> finish)
{
    const int index = static_cast<int>(collected.size() / chunkSize);
    if (index >= count)
        return finish(SecretResult::success(collected));
    rawRead(chunkKey(key, generation, index), [this, key, generation, count, collected, finish,
                                               index](const RawResult& raw) mutable {
        if (!raw.ok)
            return finish(SecretResult::failure(
                raw.notFound ? QStringLiteral("part %1 of the keychain entry \"%2\" is missing").arg(index).arg(key)
                             : raw.error));
        if (index < count - 1 && raw.data.size() != chunkSize)
            return finish(SecretResult::failure(
                QStringLiteral("part %1 of the keychain entry \"%2\" is damaged").arg(index).arg(key)));
        collected += raw.data;
        if (index == count - 1)
            return finish(SecretResult::success(collected));
        readChunks(key, generation, count, std::move(collected), finish);
    });
}

void KeychainSecretStore::writeChunks(const QString& key, const QByteArray& value, const QByteArray& generation,
                                      int index, std::function<void(SecretResult)> finish)
{
    const int count = static_cast<int>((value.size() + chunkSize - 1) / chunkSize);
    if (index == count)
        return finish(SecretResult::success());
    rawWrite(chunkKey(key, generation, index), value.mid(qsizetype(index) * chunkSize, chunkSize),
             [this, key, value, generation, index, finish](const RawResult& raw) {
                 if (!raw.ok)
                     return finish(SecretResult::failure(raw.error));
                 writeChunks(key, value, generation, index + 1, finish);
             });
}

void KeychainSecretStore::deleteChunks(const QString& key, const QByteArray& generation, int first, int count,
                                       std::function<void()> done)
{
    if (first >= count)
        return done();
    rawDelete(chunkKey(key, generation, first), [this, key, generation, first, count, done](const RawResult&) {
        deleteChunks(key, generation, first + 1, count, done);
    });
}

void KeychainSecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback done)
{
    enqueue(context, std::move(done), [this, key, value](std::function<void(SecretResult)> finish) {
        // What is there now, so its parts can be deleted once the new value is in place.
        rawRead(key, [this, key, value, finish](const RawResult& old) {
            if (!old.ok && !old.notFound)
                return finish(SecretResult::failure(old.error));
            const std::optional<Manifest> previous = old.ok ? parseStored(old.data) : std::nullopt;
            auto cleanup = [this, key, previous, finish](SecretResult result) {
                if (!result.ok() || !previous || !previous->chunked)
                    return finish(result);
                deleteChunks(key, previous->generation, 0, previous->count, [finish, result] { finish(result); });
            };
            if (value.size() <= chunkSize) {
                rawWrite(key, QByteArray(1, 'V') + value, [cleanup](const RawResult& raw) {
                    cleanup(raw.ok ? SecretResult::success() : SecretResult::failure(raw.error));
                });
                return;
            }
            const QByteArray generation = QByteArray::number(QRandomGenerator::global()->generate(), 16);
            const int count = static_cast<int>((value.size() + chunkSize - 1) / chunkSize);
            writeChunks(key, value, generation, 0, [this, key, generation, count, cleanup](SecretResult parts) {
                if (!parts.ok())
                    return cleanup(parts);
                rawWrite(key, 'C' + generation + ':' + QByteArray::number(count), [cleanup](const RawResult& raw) {
                    cleanup(raw.ok ? SecretResult::success() : SecretResult::failure(raw.error));
                });
            });
        });
    });
}

void KeychainSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    enqueue(context, std::move(done), [this, key](std::function<void(SecretResult)> finish) {
        rawRead(key, [this, key, finish](const RawResult& old) {
            if (old.notFound)
                return finish(SecretResult::success());
            if (!old.ok)
                return finish(SecretResult::failure(old.error));
            const auto previous = parseStored(old.data);
            rawDelete(key, [this, key, previous, finish](const RawResult& raw) {
                if (!raw.ok)
                    return finish(SecretResult::failure(raw.error));
                if (!previous || !previous->chunked)
                    return finish(SecretResult::success());
                deleteChunks(key, previous->generation, 0, previous->count,
                             [finish] { finish(SecretResult::success()); });
            });
        });
    });
}

void KeychainSecretStore::probe(QObject* context, Callback done)
{
    enqueue(context, std::move(done), [this](std::function<void(SecretResult)> finish) {
        // A Secret Service that never answers (a hung daemon, an event loop without GLib for libsecret) must not
        // hang the caller: after probeTimeoutMs the keychain counts as absent.
        auto answered = std::make_shared<bool>(false);
        QTimer::singleShot(probeTimeoutMs, this, [answered, finish] {
            if (std::exchange(*answered, true))
                return;
            finish(
                SecretResult::failure(QStringLiteral("no keychain answered within %1 s").arg(probeTimeoutMs / 1000)));
        });
        rawRead(QStringLiteral("tokenbench-probe"), [answered, finish](const RawResult& raw) {
            if (std::exchange(*answered, true))
                return;
            finish(raw.ok || raw.notFound ? SecretResult::success() : SecretResult::failure(raw.error));
        });
    });
}

} // namespace tb
