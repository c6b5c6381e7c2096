#pragma once

#include "server/store/Database.h"

#include <QString>

#include <optional>

namespace tb::server {

// One RFC 8628 device authorization: the device polls with device_code, the user types user_code.
struct DeviceCodeRecord
{
    enum class Status
    {
        Pending,
        Approved,
        Denied,
        Used // tokens were issued; the device_code is spent
    };

    qint64 id = 0;
    qint64 clientPk = 0;
    QString scope;
    Status status = Status::Pending;
    qint64 userId = 0;   // who approved or denied
    qint64 interval = 0; // seconds the device must wait between polls; grows by 5 on each slow_down
    qint64 lastPolled = 0;
    qint64 expires = 0;
};

// Device codes, both codes stored only as SHA-256 digests (the user code of its normalised form). Status changes
// are conditional updates, so a code is decided once and redeemed once even under concurrent requests.
class DeviceCodeStore
{
public:
    explicit DeviceCodeStore(Database& db) : m_db(db) {}

    // 0 on failure (a user code collision among live codes).
    qint64 insert(const QByteArray& deviceDigest, const QByteArray& userCodeDigest, const DeviceCodeRecord& record,
                  qint64 now);
    std::optional<DeviceCodeRecord> byDeviceDigest(const QByteArray& digest);
    std::optional<DeviceCodeRecord> byUserCodeDigest(const QByteArray& digest);
    // Pending -> Approved or Denied; false if it was no longer pending.
    bool decide(qint64 id, bool approved, qint64 userId);
    void recordPoll(qint64 id, qint64 polledAt, qint64 interval);
    // Approved -> Used; false if it was not (still) approved.
    bool markUsed(qint64 id);
    // Drops codes that expired before 'before'; their user codes may then be handed out again.
    void removeExpired(qint64 before);

private:
    std::optional<DeviceCodeRecord> byColumn(const QString& sql, const QByteArray& digest);

    Database& m_db;
};

} // namespace tb::server
