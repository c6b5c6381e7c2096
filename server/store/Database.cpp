#include "server/store/Database.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlError>
#include <QStringList>
#include <QVariant>

namespace tb::server {

namespace {

// The one SQLite-specific type: Django's SQLite backend also uses AUTOINCREMENT, so deleted ids are not reused.
const QString kIdColumn = QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");

// Each entry migrates from version index to index + 1. Append, never edit a released entry.
QList<QStringList> migrations()
{
    const QString& id = kIdColumn;
    return {
        {
            QStringLiteral("CREATE TABLE users (%1, username VARCHAR(150) NOT NULL UNIQUE, "
                           "email VARCHAR(254) NOT NULL DEFAULT '', first_name VARCHAR(150) NOT NULL DEFAULT '', "
                           "last_name VARCHAR(150) NOT NULL DEFAULT '', password VARCHAR(255) NOT NULL, "
                           "is_active INTEGER NOT NULL DEFAULT 1, date_joined BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE INDEX users_email ON users (email)"),
            QStringLiteral("CREATE TABLE clients (%1, client_id VARCHAR(100) NOT NULL UNIQUE, "
                           "name VARCHAR(255) NOT NULL DEFAULT '', secret_hash VARCHAR(255), "
                           "client_type VARCHAR(32) NOT NULL, grant_types VARCHAR(255) NOT NULL, "
                           "redirect_uris TEXT NOT NULL DEFAULT '', resource_server INTEGER NOT NULL DEFAULT 0, "
                           "created BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE TABLE refresh_tokens (%1, token_digest CHAR(64) NOT NULL UNIQUE, "
                           "client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE, "
                           "user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, scope VARCHAR(255) NOT NULL, "
                           "expires BIGINT NOT NULL DEFAULT 0, revoked BIGINT NOT NULL DEFAULT 0, "
                           "created BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE TABLE access_tokens (%1, token_digest CHAR(64) NOT NULL UNIQUE, "
                           "client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE, "
                           "user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, scope VARCHAR(255) NOT NULL, "
                           "expires BIGINT NOT NULL, "
                           "refresh_token_id INTEGER REFERENCES refresh_tokens (id) ON DELETE SET NULL, "
                           "created BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE INDEX access_tokens_refresh ON access_tokens (refresh_token_id)"),
            // Authorization codes (60 s, single use) and browser sessions for /o/authorize/ and /accounts/login/.
            QStringLiteral("CREATE TABLE authorization_codes (%1, code_digest CHAR(64) NOT NULL UNIQUE, "
                           "client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE, "
                           "user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, "
                           "redirect_uri TEXT NOT NULL DEFAULT '', scope VARCHAR(255) NOT NULL, "
                           "code_challenge VARCHAR(128) NOT NULL DEFAULT '', "
                           "code_challenge_method VARCHAR(10) NOT NULL DEFAULT '', nonce VARCHAR(255) NOT NULL "
                           "DEFAULT '', claims TEXT NOT NULL DEFAULT '', expires BIGINT NOT NULL, "
                           "used INTEGER NOT NULL DEFAULT 0, created BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE TABLE sessions (%1, session_digest CHAR(64) NOT NULL UNIQUE, "
                           "user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, "
                           "csrf_token VARCHAR(64) NOT NULL DEFAULT '', expires BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE TABLE login_failures (%1, username VARCHAR(150) NOT NULL, "
                           "failed_at BIGINT NOT NULL)")
                .arg(id),
            QStringLiteral("CREATE INDEX login_failures_user ON login_failures (username, failed_at)"),
        },
        {
            // RFC 8628 device authorizations (/o/device_authorization/, /o/device/, the device_code grant).
            QStringLiteral("CREATE TABLE device_codes (%1, device_code_digest CHAR(64) NOT NULL UNIQUE, "
                           "user_code_digest CHAR(64) NOT NULL UNIQUE, "
                           "client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE, "
                           "scope VARCHAR(255) NOT NULL, status VARCHAR(16) NOT NULL, "
                           "user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, "
                           "interval_seconds INTEGER NOT NULL, last_polled BIGINT NOT NULL DEFAULT 0, "
                           "expires BIGINT NOT NULL, created BIGINT NOT NULL)")
                .arg(id),
        },
    };
}

QAtomicInteger<quint64> g_connectionCounter; // only makes connection names unique; no shared state

} // namespace

Database::Database(const QString& path)
    : m_path(path),
      m_connectionName(QStringLiteral("tokenbench-server-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::open(QString* error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(m_path, m_db.lastError().text());
        return false;
    }
    const bool memory = m_path == u":memory:";
    QStringList pragmas = {QStringLiteral("PRAGMA foreign_keys = ON")};
    if (!memory) {
        // WAL + synchronous=NORMAL: a committed transaction survives a process crash (kill -9); only a power
        // loss could lose the last commits. synchronous=FULL would also cover that, at some cost per write.
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL") << QStringLiteral("PRAGMA synchronous = NORMAL");
    }
    for (const QString& pragma : std::as_const(pragmas)) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma)) {
            *error = QStringLiteral("cannot configure database %1: %2").arg(m_path, query.lastError().text());
            return false;
        }
    }
    return true;
}

int Database::latestSchemaVersion()
{
    return int(migrations().size());
}

int Database::schemaVersion()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) || !query.next()) {
        return 0;
    }
    return query.value(0).toInt();
}

bool Database::migrate(QString* error)
{
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                       "applied_at BIGINT NOT NULL)"))) {
            *error = QStringLiteral("cannot create schema_migrations: %1").arg(query.lastError().text());
            return false;
        }
    }
    const QList<QStringList> steps = migrations();
    const int current = schemaVersion();
    if (current > steps.size()) {
        *error =
            QStringLiteral("database schema version %1 is newer than this server (%2)").arg(current).arg(steps.size());
        return false;
    }
    for (int version = current; version < steps.size(); ++version) {
        if (!m_db.transaction()) {
            *error = m_db.lastError().text();
            return false;
        }
        QSqlQuery query(m_db);
        for (const QString& statement : steps[version]) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration %1 failed: %2").arg(version + 1).arg(query.lastError().text());
                m_db.rollback();
                return false;
            }
        }
        query.prepare(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"));
        query.addBindValue(version + 1);
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        if (!query.exec() || !m_db.commit()) {
            *error = QStringLiteral("migration %1 failed: %2").arg(version + 1).arg(query.lastError().text());
            m_db.rollback();
            return false;
        }
    }
    return true;
}

void Database::finishStatements()
{
    for (QSqlQuery& statement : m_statements) {
        if (statement.isActive()) {
            statement.finish();
        }
    }
}

quint64 Database::externalChangeCount()
{
    QSqlQuery& q = prepared(QStringLiteral("PRAGMA data_version"));
    return exec(q) && q.next() ? q.value(0).toULongLong() : 0;
}

QSqlQuery& Database::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            qWarning("tokenbench-server: cannot prepare statement: %s", qPrintable(query.lastError().text()));
        }
        it = m_statements.insert(sql, query);
    }
    it->finish();
    return *it;
}

bool Database::exec(QSqlQuery& query)
{
    if (!query.exec()) {
        qWarning("tokenbench-server: SQL error: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

qint64 Database::insertReturningId(QSqlQuery& query)
{
    if (!exec(query) || !query.next()) {
        return 0;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

} // namespace tb::server
