#include "secrets/DeferredSecretStore.h"

#include <QPointer>

namespace tb {

DeferredSecretStore::DeferredSecretStore(QObject* parent) : SecretStore(parent) {}

DeferredSecretStore::~DeferredSecretStore() = default;

void DeferredSecretStore::setStore(std::unique_ptr<SecretStore> store)
{
    if (m_settled)
        return;
    m_store = std::move(store);
    settle();
}

void DeferredSecretStore::setUnavailable(const QString& error)
{
    if (m_settled)
        return;
    m_error = error;
    settle();
}

void DeferredSecretStore::settle()
{
    m_settled = true;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& op : waiting)
        op();
    emit settled();
}

SecretStore::Kind DeferredSecretStore::kind() const
{
    return m_store ? m_store->kind() : Kind::Memory;
}

QString DeferredSecretStore::description() const
{
    if (m_store)
        return m_store->description();
    return m_settled ? QStringLiteral("none (%1)").arg(m_error) : QStringLiteral("choosing…");
}

void DeferredSecretStore::run(QObject* context, Callback done, std::function<void(SecretStore&, QObject*, Callback)> op)
{
    if (m_settled) {
        if (m_store)
            op(*m_store, context, std::move(done));
        else
            deliver(context, std::move(done), SecretResult::failure(m_error));
        return;
    }
    // The context may go away while waiting: then the operation is dropped, as the store would drop its answer.
    const bool guarded = context != nullptr;
    m_waiting.append([this, guard = QPointer<QObject>(context), guarded, done = std::move(done), op = std::move(op)] {
        if (guarded && !guard)
            return;
        run(guard, done, op);
    });
}

void DeferredSecretStore::read(const QString& key, QObject* context, Callback done)
{
    run(context, std::move(done),
        [key](SecretStore& store, QObject* ctx, Callback cb) { store.read(key, ctx, std::move(cb)); });
}

void DeferredSecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback done)
{
    run(context, std::move(done),
        [key, value](SecretStore& store, QObject* ctx, Callback cb) { store.write(key, value, ctx, std::move(cb)); });
}

void DeferredSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    run(context, std::move(done),
        [key](SecretStore& store, QObject* ctx, Callback cb) { store.remove(key, ctx, std::move(cb)); });
}

} // namespace tb
