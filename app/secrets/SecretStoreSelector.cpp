#include "secrets/SecretStoreSelector.h"

#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/VaultSecretStore.h"

#include <QFile>
#include <QPointer>

#include <openssl/crypto.h>

namespace tb {

namespace {

void chooseVault(const SecretStoreSelector::Options& options, QStringList notes, QObject* context,
                 const std::function<void(SecretStoreSelector::Selection)>& done)
{
    const QString path = options.vaultPath.isEmpty() ? VaultSecretStore::defaultPath() : options.vaultPath;
    QByteArray passphrase = qgetenv(SecretStoreSelector::passphraseVariable);
    if (passphrase.isEmpty() && options.askPassphrase) {
        const bool exists = QFile::exists(path);
        const auto asked = options.askPassphrase(exists ? QStringLiteral("Vault passphrase for %1: ").arg(path)
                                                        : QStringLiteral("New vault passphrase for %1: ").arg(path));
        if (asked)
            passphrase = *asked;
    }
    if (passphrase.isEmpty()) {
        SecretStoreSelector::Selection none;
        none.notes = notes;
        none.error = QStringLiteral("no keychain answers and there is no vault passphrase: unlock or start your "
                                    "keyring (Secret Service), or set %1 (or run on a terminal to be asked), or use "
                                    "--ephemeral to keep secrets in memory for this run only")
                         .arg(QLatin1String(SecretStoreSelector::passphraseVariable));
        QMetaObject::invokeMethod(
            context, [done, none = std::move(none)]() mutable { done(std::move(none)); }, Qt::QueuedConnection);
        return;
    }
    auto vault =
        std::make_shared<std::unique_ptr<VaultSecretStore>>(std::make_unique<VaultSecretStore>(path, passphrase));
    OPENSSL_cleanse(passphrase.data(), static_cast<size_t>(passphrase.size()));
    VaultSecretStore* raw = vault->get();
    raw->check(context, [vault, notes, done](const SecretResult& result) {
        SecretStoreSelector::Selection selection;
        selection.notes = notes;
        if (result.ok())
            selection.store = std::move(*vault);
        else
            selection.error = result.error;
        done(std::move(selection));
    });
}

} // namespace

void SecretStoreSelector::select(const Options& options, QObject* context, std::function<void(Selection)> done)
{
    if (options.ephemeral) {
        Selection selection;
        selection.store = std::make_unique<MemorySecretStore>();
        selection.notes << QStringLiteral("--ephemeral: secrets and tokens are kept in memory for this run only");
        QMetaObject::invokeMethod(
            context, [done, s = std::make_shared<Selection>(std::move(selection))] { done(std::move(*s)); },
            Qt::QueuedConnection);
        return;
    }
    if (!options.allowKeychain)
        return chooseVault(options, {QStringLiteral("the keychain is switched off")}, context, done);
    auto keychain = std::make_shared<std::unique_ptr<KeychainSecretStore>>(
        std::make_unique<KeychainSecretStore>(options.keychainService));
    KeychainSecretStore* raw = keychain->get();
    raw->probe(context, [keychain, options, context, done](const SecretResult& result) {
        if (result.ok()) {
            Selection selection;
            selection.store = std::move(*keychain);
            done(std::move(selection));
            return;
        }
        // The keychain must not be destroyed inside its own callback.
        keychain->release()->deleteLater();
        chooseVault(options, {QStringLiteral("no keychain: %1").arg(result.error)}, context, done);
    });
}

} // namespace tb
