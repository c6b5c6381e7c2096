#include "secrets/MemorySecretStore.h"

#include <algorithm>

namespace tb {

namespace {
void wipe(QByteArray& bytes)
{
    // Best effort: overwrite our copy before it is freed (detach() first so a shared copy is not touched).
    bytes.detach();
    std::fill(bytes.begin(), bytes.end(), '\0');
}
} // namespace

MemorySecretStore::MemorySecretStore(QObject* parent) : SecretStore(parent) {}

MemorySecretStore::~MemorySecretStore()
{
    for (auto& value : m_values)
        wipe(value);
}

QString MemorySecretStore::description() const
{
    return QStringLiteral("memory only (nothing is kept after the program exits)");
}

void MemorySecretStore::read(const QString& key, QObject* context, Callback done)
{
    const auto it = m_values.constFind(key);
    deliver(context, std::move(done), it == m_values.cend() ? SecretResult::missing(key) : SecretResult::success(*it));
}

void MemorySecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback done)
{
    auto it = m_values.find(key);
    if (it != m_values.end())
        wipe(*it);
    m_values.insert(key, value);
    ++m_writes;
    deliver(context, std::move(done), SecretResult::success());
}

void MemorySecretStore::remove(const QString& key, QObject* context, Callback done)
{
    auto it = m_values.find(key);
    if (it != m_values.end()) {
        wipe(*it);
        m_values.erase(it);
    }
    deliver(context, std::move(done), SecretResult::success());
}

QStringList MemorySecretStore::keys() const
{
    QStringList list = m_values.keys();
    list.sort();
    return list;
}

} // namespace tb
