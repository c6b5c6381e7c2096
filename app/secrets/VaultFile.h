#pragma once

#include "secrets/SecretStore.h"

#include <QByteArray>
#include <QLockFile>
#include <QMap>
#include <QMutex>
#include <QString>

#include <functional>

namespace tb {

// scrypt cost parameters of a vault (N = 2^logN).
struct VaultParams
{
    int logN = 15; // N = 32768, at least; 32 MiB of memory per derivation with r = 8
    int r = 8;
    int p = 1;
};

// The encrypted vault file, synchronously (VaultSecretStore runs it off the event loop's thread).
//
// Layout (all of it authenticated: the header is the GCM additional data):
//   "TBVAULT" 0x01 | logN r p (1 byte each) | salt (16) | nonce (12) | key check (16) | ciphertext | tag (16)
// key material = scrypt(passphrase, salt, N = 2^logN, r, p) -> 64 bytes: AES-256-GCM key | check key.
// "key check" = SHA-256(check key)[0..16): it tells a wrong passphrase apart from a damaged or altered file,
// without weakening the key (it is a hash of independent scrypt output).
// Every write draws a fresh salt and nonce, and replaces the file atomically: temporary file, fsync, rename, fsync
// of the directory. A file that does not decrypt is never overwritten.
class VaultFile
{
public:
    using Params = VaultParams;
    static constexpr int minimumLogN = 15;

    VaultFile(QString path, QByteArray passphrase, Params params = {});
    ~VaultFile();
    Q_DISABLE_COPY_MOVE(VaultFile)

    const QString& path() const { return m_path; }

    SecretResult read(const QString& key);
    SecretResult write(const QString& key, const QByteArray& value);
    SecretResult remove(const QString& key);
    // Opens (decrypts) the file if there is one: tells early whether the passphrase is right.
    SecretResult check();
    QStringList keys();

private:
    // Brings m_entries up to date with the file (re-decrypting only when the file changed). Empty on success.
    QString load();
    QString save(const QMap<QString, QByteArray>& entries);
    void clearEntries();
    // Loads, applies `change` to a copy of the entries, saves when it returns true.
    SecretResult mutate(const std::function<bool(QMap<QString, QByteArray>&)>& change);
    QString lockForWriting(QLockFile& lock) const;

    QMutex m_mutex;
    QString m_path;
    QByteArray m_passphrase;
    Params m_params;
    QMap<QString, QByteArray> m_entries;
    QByteArray m_loadedHeader;  // header of the file content m_entries came from; empty = nothing loaded
    bool m_loadedEmpty = false; // m_entries stand for "no file yet"
};

} // namespace tb
