#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace tb::server {

// One SQL connection (one per thread, as Qt Sql requires) plus the versioned schema. Everything specific to
// SQLite (pragmas, the auto-increment key type, the in-memory path) lives in Database.cpp; the stores use
// portable SQL with '?' placeholders and INSERT ... RETURNING (SQLite >= 3.35, PostgreSQL), so another driver
// slots in here without touching them.
class Database
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    // path ":memory:" keeps everything in memory (tests, throwaway demos).
    explicit Database(const QString& path);
    ~Database();

    bool open(QString* error);
    bool migrate(QString* error);
    int schemaVersion();
    static int latestSchemaVersion();

    // Prepared once per connection and reused: the hot paths run the same few statements all the time.
    QSqlQuery& prepared(const QString& sql);
    // Resets every prepared statement, which ends the implicit read transaction they may hold.
    void finishStatements();
    QSqlDatabase& connection() { return m_db; }
    bool transaction() { return m_db.transaction(); }
    bool commit() { return m_db.commit(); }
    bool rollback() { return m_db.rollback(); }

    // Moves whenever another connection commits to the database file (SQLite's PRAGMA data_version), so a
    // cache can notice an admin command run against the file of a running server.
    quint64 externalChangeCount();

    // Logs and returns false if exec() failed, so callers can answer an error instead of using a bad result.
    static bool exec(QSqlQuery& query);
    // Runs an INSERT ... RETURNING id; the new id, or 0 on failure.
    static qint64 insertReturningId(QSqlQuery& query);
    // Qt binds a null QString as SQL NULL; our text columns are NOT NULL with '' for "none", as Django's.
    static QString text(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }

private:
    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace tb::server
