#include "secrets/VaultSecretStore.h"

#include <QFuture>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent>

namespace tb {

VaultSecretStore::VaultSecretStore(const QString& path, QByteArray passphrase, VaultFile::Params params,
                                   QObject* parent)
    : SecretStore(parent), m_file(std::make_shared<VaultFile>(path, std::move(passphrase), params))
{
    m_pool.setMaxThreadCount(1);
}

VaultSecretStore::~VaultSecretStore()
{
    m_pool.waitForDone();
}

QString VaultSecretStore::description() const
{
    return QStringLiteral("encrypted vault file %1 (AES-256-GCM, scrypt)").arg(m_file->path());
}

QString VaultSecretStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/tokenbench/secrets.vault");
}

void VaultSecretStore::run(QObject* context, Callback done, std::function<SecretResult(VaultFile&)> job)
{
    const bool guarded = context != nullptr;
    QPointer<QObject> guard(context);
    QtConcurrent::run(&m_pool, [file = m_file, job = std::move(job)] {
        return job(*file);
    }).then(this, [guarded, guard, done = std::move(done)](const SecretResult& result) {
        if (done && (!guarded || guard))
            done(result);
    });
}

void VaultSecretStore::read(const QString& key, QObject* context, Callback done)
{
    run(context, std::move(done), [key](VaultFile& file) { return file.read(key); });
}

void VaultSecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback done)
{
    run(context, std::move(done), [key, value](VaultFile& file) { return file.write(key, value); });
}

void VaultSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    run(context, std::move(done), [key](VaultFile& file) { return file.remove(key); });
}

void VaultSecretStore::check(QObject* context, Callback done)
{
    run(context, std::move(done), [](VaultFile& file) { return file.check(); });
}

} // namespace tb
