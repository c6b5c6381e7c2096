#pragma once

#include "secrets/SecretStore.h"

#include <QQueue>

#include <functional>

namespace tb {

// Secrets in the operating system's keychain through QtKeychain (Secret Service / GNOME Keyring or KWallet on
// Linux, Keychain on macOS, Credential Manager on Windows), service "tokenbench", with the insecure plaintext fallback
// OFF: where no keychain answers, operations fail with a clear error and the caller picks the vault instead.
//
// Stored layout per key (the first byte says which):
//   'V' <value>                       values up to chunkSize bytes
//   'C' <generation> ':' <count>      larger values: a manifest; the parts live under "<key>#<generation>/<i>"
// A new generation is written completely before the manifest switches to it, so a reader never mixes the parts of
// two writes, and the old generation's parts are deleted afterwards. Operations run one at a time, in order.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr int chunkSize = 2048;
    static constexpr int probeTimeoutMs = 5000;

    explicit KeychainSecretStore(QString service = QStringLiteral("tokenbench"), QObject* parent = nullptr);
    ~KeychainSecretStore() override;

    Kind kind() const override { return Kind::Keychain; }
    QString description() const override;

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

    // Does a keychain answer at all? Reads a key that does not exist: "not found" means yes.
    void probe(QObject* context, Callback done);

    const QString& service() const { return m_service; }

private:
    struct RawResult
    {
        bool ok = false;
        bool notFound = false;
        QByteArray data;
        QString error;
    };
    using RawCallback = std::function<void(const RawResult&)>;
    using Operation = std::function<void(std::function<void(SecretResult)> finish)>;

    void rawRead(const QString& key, RawCallback done);
    void rawWrite(const QString& key, const QByteArray& data, RawCallback done);
    void rawDelete(const QString& key, RawCallback done);
    // Deletes parts [first, count) of generation `generation`, then calls done.
    void deleteChunks(const QString& key, const QByteArray& generation, int first, int count,
                      std::function<void()> done);
    void readChunks(const QString& key, const QByteArray& generation, int count, QByteArray collected,
                    std::function<void(SecretResult)> finish);
    void writeChunks(const QString& key, const QByteArray& value, const QByteArray& generation, int index,
                     std::function<void(SecretResult)> finish);

    void enqueue(QObject* context, Callback done, Operation operation);
    void startNext();

    QString m_service;
    QQueue<std::function<void()>> m_queue;
    bool m_busy = false;
};

} // namespace tb
