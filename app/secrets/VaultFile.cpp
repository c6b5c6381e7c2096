#include "secrets/VaultFile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace tb {

namespace {

constexpr QByteArrayView magic("TBVAULT\x01", 8);
constexpr int saltSize = 16;
constexpr int nonceSize = 12;
constexpr int checkSize = 16;
constexpr int tagSize = 16;
constexpr int headerSize = 8 + 3 + saltSize + nonceSize + checkSize;

// Key material that wipes itself.
struct KeyMaterial
{
    std::array<unsigned char, 64> bytes{};
    ~KeyMaterial() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
    const unsigned char* encryptionKey() const { return bytes.data(); }
    QByteArray check() const
    {
        return QCryptographicHash::hash(QByteArrayView(bytes.data() + 32, 32), QCryptographicHash::Sha256)
            .left(checkSize);
    }
};

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

bool derive(const QByteArray& passphrase, QByteArrayView salt, int logN, int r, int p, KeyMaterial& out)
{
    if (logN < VaultFile::minimumLogN || logN > 24 || r < 1 || r > 32 || p < 1 || p > 16)
        return false;
    const uint64_t n = uint64_t{1} << logN;
    const uint64_t maxMemory = 2 * 128 * static_cast<uint64_t>(r) * (n + static_cast<uint64_t>(p) + 2);
    return EVP_PBE_scrypt(passphrase.constData(), static_cast<size_t>(passphrase.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<size_t>(salt.size()), n,
                          static_cast<uint64_t>(r), static_cast<uint64_t>(p), maxMemory, out.bytes.data(),
                          out.bytes.size()) == 1;
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// AES-256-GCM. Returns ciphertext || tag, or an empty array on failure.
QByteArray seal(const KeyMaterial& key, QByteArrayView nonce, QByteArrayView aad, const QByteArray& plain)
{
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(plain.size() + tagSize, Qt::Uninitialized);
    int len = 0;
    int total = 0;
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceSize, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.encryptionKey(),
                           reinterpret_cast<const unsigned char*>(nonce.data())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          static_cast<int>(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o, &len, reinterpret_cast<const unsigned char*>(plain.constData()),
                          static_cast<int>(plain.size())) != 1)
        return {};
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), o + total, &len) != 1)
        return {};
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagSize, o + total) != 1)
        return {};
    out.truncate(total + tagSize);
    return out;
}

// Returns false when the tag does not match (wrong key or altered data).
bool unseal(const KeyMaterial& key, QByteArrayView nonce, QByteArrayView aad, QByteArrayView sealed, QByteArray& plain)
{
    if (sealed.size() < tagSize)
        return false;
    const qsizetype cipherSize = sealed.size() - tagSize;
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    plain = QByteArray(cipherSize, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(plain.data());
    int len = 0;
    QByteArray tag(sealed.data() + cipherSize, tagSize);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceSize, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.encryptionKey(),
                           reinterpret_cast<const unsigned char*>(nonce.data())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          static_cast<int>(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), o, &len, reinterpret_cast<const unsigned char*>(sealed.data()),
                          static_cast<int>(cipherSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagSize, tag.data()) != 1) {
        wipe(plain);
        return false;
    }
    int total = len;
    if (EVP_DecryptFinal_ex(ctx.get(), o + total, &len) != 1) {
        wipe(plain);
        return false;
    }
    total += len;
    plain.truncate(total);
    return true;
}

QByteArray serialise(const QMap<QString, QByteArray>& entries)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << entries;
    return bytes;
}

QString systemError(const QString& what, const QString& path)
{
    return QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}

// write(2) everything, then fsync, or say why not.
bool writeAllAndSync(int fd, const QByteArray& data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += n;
    }
    return ::fsync(fd) == 0;
}

} // namespace

VaultFile::VaultFile(QString path, QByteArray passphrase, Params params)
    : m_path(std::move(path)), m_passphrase(std::move(passphrase)), m_params(params)
{
    m_passphrase.detach();
}

VaultFile::~VaultFile()
{
    wipe(m_passphrase);
    clearEntries();
}

void VaultFile::clearEntries()
{
    for (auto& value : m_entries)
        wipe(value);
    m_entries.clear();
    m_loadedHeader.clear();
    m_loadedEmpty = false;
}

QString VaultFile::load()
{
    QFile file(m_path);
    if (!file.exists()) {
        if (!m_loadedEmpty) {
            clearEntries();
            m_loadedEmpty = true;
        }
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the vault file %1: %2").arg(m_path, file.errorString());
    QByteArray content = file.readAll();
    const QString damaged =
        QStringLiteral("the vault file %1 is damaged or not a Tokenbench vault; it was left untouched").arg(m_path);
    if (content.size() < headerSize + tagSize || !content.startsWith(magic))
        return damaged;
    const QByteArray header = content.left(headerSize);
    if (!m_loadedEmpty && header == m_loadedHeader)
        return {}; // unchanged since we last read or wrote it
    const auto* h = reinterpret_cast<const unsigned char*>(header.constData());
    const int logN = h[8];
    const int r = h[9];
    const int p = h[10];
    const QByteArrayView salt(header.constData() + 11, saltSize);
    const QByteArrayView nonce(header.constData() + 11 + saltSize, nonceSize);
    const QByteArrayView check(header.constData() + 11 + saltSize + nonceSize, checkSize);
    KeyMaterial key;
    if (!derive(m_passphrase, salt, logN, r, p, key))
        return damaged;
    if (key.check() != check)
        return QStringLiteral("the vault passphrase is wrong for %1 (the file was left untouched). Use the passphrase "
                              "the vault was created with, e.g. in TOKENBENCH_VAULT_PASSPHRASE")
            .arg(m_path);
    QByteArray plain;
    if (!unseal(key, nonce, header, QByteArrayView(content).sliced(headerSize), plain))
        return QStringLiteral("the vault file %1 was altered or damaged: its contents fail authentication "
                              "(AES-GCM tag mismatch); it was left untouched")
            .arg(m_path);
    QMap<QString, QByteArray> entries;
    {
        QDataStream in(plain);
        in.setVersion(QDataStream::Qt_6_0);
        in >> entries;
        if (in.status() != QDataStream::Ok) {
            wipe(plain);
            return damaged;
        }
    }
    wipe(plain);
    clearEntries();
    m_entries = std::move(entries);
    m_loadedHeader = header;
    return {};
}

QString VaultFile::save(const QMap<QString, QByteArray>& entries)
{
    QByteArray header;
    header.append(magic.data(), magic.size());
    header.append(static_cast<char>(std::max(m_params.logN, minimumLogN)));
    header.append(static_cast<char>(m_params.r));
    header.append(static_cast<char>(m_params.p));
    QByteArray random(saltSize + nonceSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(random.size())) != 1)
        return QStringLiteral("the OpenSSL random generator failed; the vault was not written");
    const QByteArrayView salt(random.constData(), saltSize);
    const QByteArrayView nonce(random.constData() + saltSize, nonceSize);
    KeyMaterial key;
    if (!derive(m_passphrase, salt, std::max(m_params.logN, minimumLogN), m_params.r, m_params.p, key))
        return QStringLiteral("scrypt key derivation failed; the vault was not written");
    header.append(random);
    header.append(key.check());

    QByteArray plain = serialise(entries);
    const QByteArray sealed = seal(key, nonce, header, plain);
    wipe(plain);
    if (sealed.isEmpty())
        return QStringLiteral("AES-256-GCM encryption failed; the vault was not written");

    const QFileInfo info(m_path);
    // Temporary file in the same folder (so rename() is atomic), owner-only from the first byte.
    QByteArray tmpPath = QFile::encodeName(m_path + QStringLiteral(".tmp-XXXXXX"));
    const int fd = ::mkstemp(tmpPath.data());
    if (fd < 0)
        return systemError(QStringLiteral("cannot create a temporary file next to"), m_path);
    ::fchmod(fd, 0600);
    const bool written = writeAllAndSync(fd, header + sealed);
    const QString writeError = written ? QString() : systemError(QStringLiteral("cannot write"), m_path);
    ::close(fd);
    if (!written) {
        ::unlink(tmpPath.constData());
        return writeError;
    }
    if (::rename(tmpPath.constData(), QFile::encodeName(m_path).constData()) != 0) {
        const QString error = systemError(QStringLiteral("cannot replace"), m_path);
        ::unlink(tmpPath.constData());
        return error;
    }
    // Make the rename itself durable.
    const int dirFd = ::open(QFile::encodeName(info.absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    clearEntries();
    m_entries = entries;
    m_loadedHeader = header;
    return {};
}

QString VaultFile::lockForWriting(QLockFile& lock) const
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return QStringLiteral("cannot create the folder %1 for the vault").arg(folder);
    if (!lock.tryLock(10'000))
        return QStringLiteral("the vault %1 is locked by another process (%2.lock)").arg(m_path, m_path);
    return {};
}

SecretResult VaultFile::read(const QString& key)
{
    QMutexLocker locker(&m_mutex);
    if (const QString error = load(); !error.isEmpty())
        return SecretResult::failure(error);
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? SecretResult::missing(key) : SecretResult::success(*it);
}

SecretResult VaultFile::write(const QString& key, const QByteArray& value)
{
    return mutate([&key, &value](QMap<QString, QByteArray>& entries) {
        entries.insert(key, value);
        return true;
    });
}

SecretResult VaultFile::remove(const QString& key)
{
    return mutate([&key](QMap<QString, QByteArray>& entries) { return entries.remove(key) > 0; });
}

SecretResult VaultFile::mutate(const std::function<bool(QMap<QString, QByteArray>&)>& change)
{
    QMutexLocker locker(&m_mutex);
    // Another process (the GUI and the CLI) may write the vault too: one writer at a time, each starting from the
    // file's current contents.
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (const QString error = lockForWriting(lock); !error.isEmpty())
        return SecretResult::failure(error);
    if (const QString error = load(); !error.isEmpty())
        return SecretResult::failure(error);
    QMap<QString, QByteArray> entries = m_entries;
    if (!change(entries))
        return SecretResult::success();
    if (const QString error = save(entries); !error.isEmpty())
        return SecretResult::failure(error);
    return SecretResult::success();
}

SecretResult VaultFile::check()
{
    QMutexLocker locker(&m_mutex);
    if (const QString error = load(); !error.isEmpty())
        return SecretResult::failure(error);
    return SecretResult::success();
}

QStringList VaultFile::keys()
{
    QMutexLocker locker(&m_mutex);
    if (!load().isEmpty())
        return {};
    return m_entries.keys();
}

} // namespace tb
