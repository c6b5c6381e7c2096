#pragma once

#include "secrets/SecretStore.h"
#include "secrets/VaultFile.h"

#include <QThreadPool>

#include <memory>

namespace tb {

// Secrets in one file encrypted with AES-256-GCM under a scrypt key (see VaultFile), for machines where no keychain
// answers. The work (scrypt takes ~0.1 s) runs on a private one-thread pool, so operations keep their order and
// never block the event loop.
class VaultSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultSecretStore)

public:
    VaultSecretStore(const QString& path, QByteArray passphrase, VaultFile::Params params = {},
                     QObject* parent = nullptr);
    ~VaultSecretStore() override;

    Kind kind() const override { return Kind::Vault; }
    QString description() const override;

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;
    // Decrypts the file if there is one: reports a wrong passphrase before any real use.
    void check(QObject* context, Callback done);

    // $XDG_DATA_HOME/tokenbench/secrets.vault
    static QString defaultPath();

private:
    void run(QObject* context, Callback done, std::function<SecretResult(VaultFile&)> job);

    std::shared_ptr<VaultFile> m_file;
    QThreadPool m_pool;
};

} // namespace tb
