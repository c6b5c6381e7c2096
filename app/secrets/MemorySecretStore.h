#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

namespace tb {

// Secrets in process memory only: for tests and `--ephemeral` sessions. Nothing survives the process.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject* parent = nullptr);
    ~MemorySecretStore() override;

    Kind kind() const override { return Kind::Memory; }
    QString description() const override;

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

    // Synchronous views for tests.
    QStringList keys() const;
    bool contains(const QString& key) const { return m_values.contains(key); }
    QByteArray value(const QString& key) const { return m_values.value(key); }
    int writeCount() const { return m_writes; }

private:
    QHash<QString, QByteArray> m_values;
    int m_writes = 0;
};

} // namespace tb
