#include "cli/SecretWriter.h"

#include "cli/TerminalPrompt.h"
#include "secrets/SecretStore.h"

#include <QHash>

namespace tb::cli {

SecretWriter::SecretWriter(QObject* parent) : SecretWriter(defaultOptions(), parent) {}

SecretWriter::SecretWriter(const SecretStoreSelector::Options& options, QObject* parent)
    : QObject(parent), m_options(options)
{}

SecretWriter::~SecretWriter() = default;

SecretStoreSelector::Options SecretWriter::defaultOptions()
{
    SecretStoreSelector::Options options;
    // TOKENBENCH_EPHEMERAL_SECRETS: memory for this run only (scripts and tests without any store).
    options.ephemeral = qEnvironmentVariableIsSet("TOKENBENCH_EPHEMERAL_SECRETS");
    options.askPassphrase = [](const QString& prompt) { return askHidden(prompt); };
    return options;
}

void SecretWriter::withStore(std::function<void(const QString& error)> then)
{
    if (m_store || !m_error.isEmpty()) {
        then(m_error);
        return;
    }
    m_waiting.append(std::move(then));
    if (m_selecting)
        return;
    m_selecting = true;
    SecretStoreSelector::select(m_options, this, [this](SecretStoreSelector::Selection selection) {
        m_selecting = false;
        m_notes = selection.notes;
        m_store = std::move(selection.store);
        if (!m_store)
            m_error = selection.error.isEmpty() ? QStringLiteral("no secret store is available") : selection.error;
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto& callback : waiting)
            callback(m_error);
    });
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
        // Still from the event loop: callers go on to select the store, which must not start before it runs.
        QMetaObject::invokeMethod(
            this, [done] { done({}, {}); }, Qt::QueuedConnection);
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
