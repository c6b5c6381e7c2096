#include "server/store/DeviceCodeStore.h"

#include <QVariant>

namespace tb::server {

namespace {

// Status names as stored (readable in the database, stable across versions).
const QString kPending = QStringLiteral("pending");
const QString kApproved = QStringLiteral("approved");
const QString kDenied = QStringLiteral("denied");
const QString kUsed = QStringLiteral("used");

DeviceCodeRecord::Status statusFromName(const QString& name)
{
    if (name == kApproved) {
        return DeviceCodeRecord::Status::Approved;
    }
    if (name == kDenied) {
        return DeviceCodeRecord::Status::Denied;
    }
    if (name == kUsed) {
        return DeviceCodeRecord::Status::Used;
    }
    return DeviceCodeRecord::Status::Pending;
}

} // namespace

qint64 DeviceCodeStore::insert(const QByteArray& deviceDigest, const QByteArray& userCodeDigest,
                               const DeviceCodeRecord& record, qint64 now)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO device_codes (device_code_digest, user_code_digest, client_id, scope, status, user_id, "
        "interval_seconds, last_polled, expires, created) VALUES (?, ?, ?, ?, ?, NULL, ?, 0, ?, ?) RETURNING id"));
    q.bindValue(0, QString::fromLatin1(deviceDigest));
    q.bindValue(1, QString::fromLatin1(userCodeDigest));
    q.bindValue(2, record.clientPk);
    q.bindValue(3, Database::text(record.scope));
    q.bindValue(4, kPending);
    q.bindValue(5, record.interval);
    q.bindValue(6, record.expires);
    q.bindValue(7, now);
    return Database::insertReturningId(q);
}

std::optional<DeviceCodeRecord> DeviceCodeStore::byColumn(const QString& sql, const QByteArray& digest)
{
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, QString::fromLatin1(digest));
    if (!Database::exec(q) || !q.next()) {
        return std::nullopt;
    }
    DeviceCodeRecord record;
    record.id = q.value(0).toLongLong();
    record.clientPk = q.value(1).toLongLong();
    record.scope = q.value(2).toString();
    record.status = statusFromName(q.value(3).toString());
    record.userId = q.value(4).toLongLong();
    record.interval = q.value(5).toLongLong();
    record.lastPolled = q.value(6).toLongLong();
    record.expires = q.value(7).toLongLong();
    q.finish();
    return record;
}

std::optional<DeviceCodeRecord> DeviceCodeStore::byDeviceDigest(const QByteArray& digest)
{
    return byColumn(QStringLiteral("SELECT id, client_id, scope, status, user_id, interval_seconds, last_polled, "
                                   "expires FROM device_codes WHERE device_code_digest = ?"),
                    digest);
}

std::optional<DeviceCodeRecord> DeviceCodeStore::byUserCodeDigest(const QByteArray& digest)
{
    return byColumn(QStringLiteral("SELECT id, client_id, scope, status, user_id, interval_seconds, last_polled, "
                                   "expires FROM device_codes WHERE user_code_digest = ?"),
                    digest);
}

bool DeviceCodeStore::decide(qint64 id, bool approved, qint64 userId)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("UPDATE device_codes SET status = ?, user_id = ? WHERE id = ? AND status = ?"));
    q.bindValue(0, approved ? kApproved : kDenied);
    q.bindValue(1, userId);
    q.bindValue(2, id);
    q.bindValue(3, kPending);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

void DeviceCodeStore::recordPoll(qint64 id, qint64 polledAt, qint64 interval)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("UPDATE device_codes SET last_polled = ?, interval_seconds = ? WHERE id = ?"));
    q.bindValue(0, polledAt);
    q.bindValue(1, interval);
    q.bindValue(2, id);
    Database::exec(q);
}

bool DeviceCodeStore::markUsed(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("UPDATE device_codes SET status = ? WHERE id = ? AND status = ?"));
    q.bindValue(0, kUsed);
    q.bindValue(1, id);
    q.bindValue(2, kApproved);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

void DeviceCodeStore::removeExpired(qint64 before)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM device_codes WHERE expires < ?"));
    q.bindValue(0, before);
    Database::exec(q);
}

} // namespace tb::server
