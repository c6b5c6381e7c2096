#include "cli/SecretWriter.h"

#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStore.h"

#include <QHash>

namespace tb::cli {

SecretWriter::SecretWriter(QObject* parent) : QObject(parent) {}

SecretWriter::~SecretWriter() = default;

void SecretWriter::withStore(std::function<void(const QString& error)> then)
{
    if (m_store) {
        then({});
        return;
    }
    // TOKENBENCH_EPHEMERAL_SECRETS: keep them in memory for this run only (tests without a keyring).
    if (qEnvironmentVariableIsSet("TOKENBENCH_EPHEMERAL_SECRETS")) {
        m_store = std::make_unique<MemorySecretStore>();
    } else {
        m_store = std::make_unique<KeychainSecretStore>();
    }
    then({});
}

void SecretWriter::write(const QList<SecretWrite>& secrets, std::function<void(const QString& error)> done)
{
    if (secrets.isEmpty()) {
        done({});
        return;
    }
    withStore([this, secrets, done](const QString& error) {
        if (!error.isEmpty()) {
            done(error);
            return;
        }
        writeNext(secrets, done);
    });
}

void SecretWriter::writeNext(QList<SecretWrite> rest, std::function<void(const QString&)> done)
{
    if (rest.isEmpty()) {
        done({});
        return;
    }
    const SecretWrite next = rest.takeFirst();
    m_store->write(next.ref, next.value.toUtf8(), this, [this, rest, done](const SecretResult& result) {
        if (!result.ok()) {
            done(result.error);
            return;
        }
        writeNext(rest, done);
    });
}

void SecretWriter::read(const QStringList& keys,
                        std::function<void(const QHash<QString, QString>& values, const QString& error)> done)
{
    if (keys.isEmpty()) {
        done({}, {});
        return;
    }
    withStore([this, keys, done](const QString& error) {
        if (!error.isEmpty()) {
            done({}, error);
            return;
        }
        readNext(keys, {}, done);
    });
}

void SecretWriter::readNext(QStringList rest, QHash<QString, QString> values,
                            std::function<void(const QHash<QString, QString>&, const QString&)> done)
{
    if (rest.isEmpty()) {
        done(values, {});
        return;
    }
    const QString key = rest.takeFirst();
    m_store->read(key, this, [this, key, rest, values, done](const SecretResult& result) mutable {
        if (result.ok()) {
            values.insert(key, QString::fromUtf8(result.value));
        } else if (!result.notFound()) {
            done(values, result.error);
            return;
        }
        readNext(rest, values, done);
    });
}

} // namespace tb::cli
