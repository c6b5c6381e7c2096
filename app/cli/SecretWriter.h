#pragma once

#include "secrets/SecretStoreSelector.h"
#include "workspace/Variable.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tb {
class SecretStore;
}

namespace tb::cli {

// The SecretStore of one CLI run, chosen on first use by the SecretStoreSelector (the keychain, else the encrypted
// vault; never plaintext), so that one run asks for a vault passphrase at most once. Puts a list of secrets into it
// one after the other, or reads a list of keys back.
class SecretWriter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretWriter)

public:
    // Default options: keychain else vault (passphrase from TOKENBENCH_VAULT_PASSPHRASE or the terminal); memory
    // only when TOKENBENCH_EPHEMERAL_SECRETS is set.
    explicit SecretWriter(QObject* parent = nullptr);
    SecretWriter(const SecretStoreSelector::Options& options, QObject* parent = nullptr);
    ~SecretWriter() override;

    static SecretStoreSelector::Options defaultOptions();

    // Selects the store (once); `then` gets an empty string, or what went wrong and what to do.
    void withStore(std::function<void(const QString& error)> then);
    SecretStore* store() const { return m_store.get(); }
    QStringList notes() const { return m_notes; }

    void write(const QList<SecretWrite>& secrets, std::function<void(const QString& error)> done);
    void read(const QStringList& keys,
              std::function<void(const QHash<QString, QString>& values, const QString& error)> done);

private:
    void writeNext(QList<SecretWrite> rest, std::function<void(const QString&)> done);
    void readNext(QStringList rest, QHash<QString, QString> values,
                  std::function<void(const QHash<QString, QString>&, const QString&)> done);

    SecretStoreSelector::Options m_options;
    std::unique_ptr<SecretStore> m_store;
    QString m_error;
    QStringList m_notes;
    bool m_selecting = false;
    QList<std::function<void(const QString&)>> m_waiting;
};

} // namespace tb::cli
