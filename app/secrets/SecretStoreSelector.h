#pragma once

#include "secrets/SecretStore.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace tb {

// Picks where secrets live, once per program run:
//   1. the system keychain, when it answers (probe: a read of a missing key);
//   2. else the encrypted vault, with the passphrase from TOKENBENCH_VAULT_PASSPHRASE or from the asker (a terminal
//      prompt in the CLI, a dialog in the GUI), checked against the vault file before use;
//   3. else nothing, with a message that says what to do.
// `ephemeral` (tests, --ephemeral) short-cuts to a MemorySecretStore.
class SecretStoreSelector
{
public:
    struct Options
    {
        bool ephemeral = false;
        bool allowKeychain = true;
        QString vaultPath; // empty: VaultSecretStore::defaultPath()
        QString keychainService = QStringLiteral("tokenbench");
        // Asks a person for the vault passphrase; nullopt when nobody can be asked (no terminal).
        std::function<std::optional<QByteArray>(const QString& prompt)> askPassphrase;
    };
    struct Selection
    {
        std::unique_ptr<SecretStore> store;
        QString error;     // when store is null: what happened and what to do
        QStringList notes; // why this store (e.g. "no keychain answers: ...")
    };

    static constexpr const char* passphraseVariable = "TOKENBENCH_VAULT_PASSPHRASE";

    // Calls `done` once, from the event loop.
    static void select(const Options& options, QObject* context, std::function<void(Selection)> done);
};

} // namespace tb
