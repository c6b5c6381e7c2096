#include "workspace/History.h"

#include "core/Clock.h"
#include "http/Redactor.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

constexpr int kSchemaVersion = 1;

QByteArray headersToJson(const QList<HttpHeader>& headers)
{
    QJsonArray array;
    for (const HttpHeader& h : headers) {
        array.append(QJsonArray{QString::fromLatin1(h.name), QString::fromLatin1(h.value)});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<HttpHeader> headersFromJson(const QByteArray& json)
{
    QList<HttpHeader> headers;
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array()) {
        headers << HttpHeader{v.toArray().at(0).toString().toLatin1(), v.toArray().at(1).toString().toLatin1()};
    }
    return headers;
}

// Like LIKE's operand, with the user's % and _ taken literally.
QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

} // namespace

QString History::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"history.sqlite"_s);
}

History::History(const QString& path, const Clock& clock, Limits limits)
    : m_path(path), m_connection(u"tokenbench-history-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_clock(clock), m_limits(limits)
{}

History::~History()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool History::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

QString History::open()
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return m_lastError = QStringLiteral("cannot create the folder of %1").arg(m_path);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        return m_lastError = QStringLiteral("%1: %2").arg(m_path, db.lastError().text());
    }
    QSqlQuery q(db);
    // secure_delete: pruned rows are overwritten, not left in free pages. WAL with synchronous = NORMAL: the app
    // records each send on the UI thread, and the three or four fsyncs of a rollback-journal commit took up to
    // ~90 ms on a busy disk (right after a 100 MB body went to its temporary file), freezing the window. In WAL
    // mode a commit is one append and no fsync; only the occasional checkpoint syncs. An app crash loses nothing,
    // an OS crash or power cut may lose the last entries but never corrupts the file.
    for (const QString& statement :
         {u"PRAGMA secure_delete = ON"_s, u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
          u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
          u"CREATE TABLE IF NOT EXISTS entries ("
          "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
          "  sent_at INTEGER NOT NULL,"
          "  method TEXT NOT NULL,"
          "  url TEXT NOT NULL,"
          "  status INTEGER NOT NULL,"
          "  error TEXT,"
          "  total_ms REAL NOT NULL,"
          "  response_size INTEGER NOT NULL,"
          "  request_headers TEXT,"
          "  request_body BLOB,"
          "  response_headers TEXT,"
          "  response_body BLOB,"
          "  response_truncated INTEGER NOT NULL)"_s,
          u"CREATE INDEX IF NOT EXISTS entries_sent_at ON entries (sent_at)"_s}) {
        if (!q.exec(statement)) {
            return m_lastError = QStringLiteral("%1: %2").arg(m_path, q.lastError().text());
        }
    }
    q.exec(u"SELECT value FROM meta WHERE key = 'schema'"_s);
    if (q.next() && q.value(0).toInt() > kSchemaVersion) {
        db.close();
        return m_lastError = QStringLiteral("%1 was written by a newer Tokenbench (history schema %2)")
                                 .arg(m_path, q.value(0).toString());
    }
    q.exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', '%1')").arg(kSchemaVersion));
    return {};
}

std::optional<qint64> History::record(const ResponseRecord& response, const Redactor& redactor)
{
    const ResponseRecord r = redactor.redact(response);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO entries (sent_at, method, url, status, error, total_ms, response_size, request_headers,"
              " request_body, response_headers, response_body, response_truncated)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QDateTime sentAt = r.sentAt.isValid() ? r.sentAt : m_clock.now();
    const QByteArray responseBody = r.bodyOnDisk() ? QByteArray() : r.body;
    q.addBindValue(sentAt.toMSecsSinceEpoch());
    q.addBindValue(QString::fromLatin1(r.request.method));
    q.addBindValue(r.request.url.toString());
    q.addBindValue(r.status);
    q.addBindValue(redactor.redactText(r.errorMessage));
    q.addBindValue(r.totalMs);
    q.addBindValue(r.bodySize);
    q.addBindValue(headersToJson(r.request.headers));
    q.addBindValue(r.request.body.left(m_limits.bodyCapBytes));
    q.addBindValue(headersToJson(r.headers));
    // A body streamed to disk is not persisted (it may be huge); its size is.
    q.addBindValue(responseBody.left(m_limits.bodyCapBytes));
    q.addBindValue(r.bodyOnDisk() || responseBody.size() > m_limits.bodyCapBytes ? 1 : 0);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    prune();
    return id;
}

History::Entry History::readRow(const QSqlQuery& q) const
{
    Entry e;
    e.id = q.value(0).toLongLong();
    e.sentAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    e.method = q.value(2).toString();
    e.url = q.value(3).toString();
    e.status = q.value(4).toInt();
    e.error = q.value(5).toString();
    e.totalMs = q.value(6).toDouble();
    e.responseSize = q.value(7).toLongLong();
    e.requestHeaders = headersFromJson(q.value(8).toByteArray());
    e.requestBody = q.value(9).toByteArray();
    e.responseHeaders = headersFromJson(q.value(10).toByteArray());
    e.responseBody = q.value(11).toByteArray();
    e.responseBodyTruncated = q.value(12).toBool();
    return e;
}

QList<History::Entry> History::search(const Query& query) const
{
    QStringList where;
    QVariantList values;
    if (!query.urlContains.isEmpty()) {
        where << u"url LIKE ? ESCAPE '\\'"_s;
        values << likePattern(query.urlContains);
    }
    if (!query.method.isEmpty()) {
        where << u"method = ? COLLATE NOCASE"_s;
        values << query.method;
    }
    if (query.statusFrom > 0) {
        where << u"status BETWEEN ? AND ?"_s;
        values << query.statusFrom << (query.statusTo > 0 ? query.statusTo : query.statusFrom);
    }
    if (query.from.isValid()) {
        where << u"sent_at >= ?"_s;
        values << query.from.toMSecsSinceEpoch();
    }
    if (query.to.isValid()) {
        where << u"sent_at < ?"_s;
        values << query.to.toMSecsSinceEpoch();
    }
    QString sql = query.withBodies
                      ? u"SELECT id, sent_at, method, url, status, error, total_ms, response_size, request_headers,"
                        " request_body, response_headers, response_body, response_truncated FROM entries"_s
                      : u"SELECT id, sent_at, method, url, status, error, total_ms, response_size, '[]', X'', '[]',"
                        " X'', response_truncated FROM entries"_s;
    if (!where.isEmpty()) {
        sql += u" WHERE "_s + where.join(u" AND "_s);
    }
    sql += QStringLiteral(" ORDER BY sent_at DESC, id DESC LIMIT %1").arg(query.limit > 0 ? query.limit : -1);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(sql);
    for (const QVariant& v : values) {
        q.addBindValue(v);
    }
    QList<Entry> entries;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return entries;
    }
    while (q.next()) {
        entries << readRow(q);
    }
    return entries;
}

std::optional<History::Entry> History::entry(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT id, sent_at, method, url, status, error, total_ms, response_size, request_headers,"
              " request_body, response_headers, response_body, response_truncated FROM entries WHERE id = ?"_s);
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        return readRow(q);
    }
    return std::nullopt;
}

int History::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(u"SELECT COUNT(*) FROM entries"_s) && q.next() ? q.value(0).toInt() : 0;
}

int History::prune()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    int removed = 0;
    q.prepare(u"DELETE FROM entries WHERE sent_at < ?"_s);
    q.addBindValue(m_clock.now().addDays(-m_limits.maxAgeDays).toMSecsSinceEpoch());
    if (q.exec()) {
        removed += q.numRowsAffected();
    }
    q.prepare(u"DELETE FROM entries WHERE id NOT IN (SELECT id FROM entries ORDER BY sent_at DESC, id DESC LIMIT ?)"_s);
    q.addBindValue(m_limits.maxEntries);
    if (q.exec()) {
        removed += q.numRowsAffected();
    }
    return removed;
}

void History::clear()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(u"DELETE FROM entries"_s);
    q.exec(u"VACUUM"_s);
}

RequestSpec History::toRequest(const Entry& entry)
{
    RequestSpec r;
    r.method = entry.method;
    r.url = entry.url;
    for (const HttpHeader& h : entry.requestHeaders) {
        // Headers Qt adds by itself would be sent twice.
        if (h.name.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
            h.name.compare("Host", Qt::CaseInsensitive) == 0) {
            continue;
        }
        r.headers << KeyValueRow{QString::fromLatin1(h.name), QString::fromLatin1(h.value), true};
    }
    if (!entry.requestBody.isEmpty()) {
        r.body.kind = RequestBody::Kind::Raw;
        r.body.text = QString::fromUtf8(entry.requestBody);
    }
    return r;
}

} // namespace tb
