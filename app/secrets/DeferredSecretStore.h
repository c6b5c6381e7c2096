#pragma once

#include "secrets/SecretStore.h"

#include <QList>

#include <functional>
#include <memory>

namespace tb {

// A SecretStore usable at once while the real one is still being chosen (SecretStoreSelector probes the keychain
// asynchronously, and may have to ask for the vault passphrase): operations wait, in order, and run on the chosen
// store once it is set; when none can be chosen they fail with the reason. A GUI can build everything on it at
// start-up without waiting.
class DeferredSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeferredSecretStore)

public:
    explicit DeferredSecretStore(QObject* parent = nullptr);
    ~DeferredSecretStore() override;

    // Settles the store (only the first call counts) and runs the waiting operations.
    void setStore(std::unique_ptr<SecretStore> store);
    void setUnavailable(const QString& error);

    bool isSettled() const { return m_settled; }
    SecretStore* store() const { return m_store.get(); }
    QString error() const { return m_error; }

    // The chosen store's kind (Memory until one is chosen).
    Kind kind() const override;
    QString description() const override;
    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

signals:
    void settled();

private:
    // Runs op(store) now or once settled; fails with the reason when there is no store.
    void run(QObject* context, Callback done, std::function<void(SecretStore&, QObject*, Callback)> op);
    void settle();

    std::unique_ptr<SecretStore> m_store;
    QString m_error;
    bool m_settled = false;
    QList<std::function<void()>> m_waiting;
};

} // namespace tb
