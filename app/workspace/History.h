#pragma once

#include "http/RequestSpec.h"
#include "http/ResponseRecord.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tb {

class Clock;
class Redactor;

// Every request sent and its response, in SQLite under the app's data directory. Entries pass through the Redactor
// before they are written, so the database never holds a secret (Authorization, cookies, token/secret/password
// fields, and any value the caller registered with the Redactor). Bodies are kept up to a cap. Pruned by count and
// by age on every write.
class History
{
public:
    struct Limits
    {
        qint64 bodyCapBytes = 256 * 1024; // per body (request and response); the rest is dropped
        int maxEntries = 5000;
        int maxAgeDays = 90;
    };

    struct Entry
    {
        qint64 id = 0;
        QDateTime sentAt; // UTC
        QString method;
        QString url;
        int status = 0; // 0: no response (see error)
        QString error;
        double totalMs = 0;
        qint64 responseSize = 0; // the full body size, even when the stored body was cut at the cap
        QList<HttpHeader> requestHeaders;
        QByteArray requestBody;
        QList<HttpHeader> responseHeaders;
        QByteArray responseBody;
        bool responseBodyTruncated = false;
    };

    struct Query
    {
        QString urlContains; // case-insensitive
        QString method;      // exact, case-insensitive
        int statusFrom = 0;  // inclusive; 0 = any
        int statusTo = 0;    // inclusive; 0 = same as statusFrom
        QDateTime from;      // inclusive
        QDateTime to;        // exclusive
        int limit = 200;
        bool withBodies = true; // false: headers and bodies are left out (a list needs only the summary)
    };

    // The default database: <AppDataLocation>/history.sqlite.
    static QString defaultPath();

    History(const QString& path, const Clock& clock, Limits limits);
    History(const QString& path, const Clock& clock) : History(path, clock, Limits{}) {}
    ~History();
    History(const History&) = delete;
    History& operator=(const History&) = delete;

    // Creates the file and schema when needed. Returns an error message, empty on success.
    QString open();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Redacts, writes and prunes. Returns the new entry's id, or nothing on a database error (see lastError()).
    std::optional<qint64> record(const ResponseRecord& response, const Redactor& redactor);

    // Newest first.
    QList<Entry> search(const Query& query) const;
    std::optional<Entry> entry(qint64 id) const;
    int count() const;
    // Removes entries beyond maxEntries (oldest first) and older than maxAgeDays. Returns how many went.
    int prune();
    void clear();

    // A history entry re-opened as a new request (method, URL, headers and a raw body as they were sent, redacted).
    static RequestSpec toRequest(const Entry& entry);

    QString lastError() const { return m_lastError; }

private:
    Entry readRow(const class QSqlQuery& query) const;

    QString m_path;
    QString m_connection;
    const Clock& m_clock;
    Limits m_limits;
    mutable QString m_lastError;
};

} // namespace tb
