#pragma once

#include "server/http/HttpConnection.h"
#include "server/http/HttpLimits.h"

#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>

#include <functional>
#include <optional>

namespace tb::server {

// Everything a Server instance needs; no global state. The defaults are the production ones; tests use
// port 0, ":memory:", a few PBKDF2 iterations, a manual clock and a short idle timeout.
struct ServerConfig
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8000;
    QString databasePath = QStringLiteral(":memory:");
    qint64 accessTokenTtl = 86400;
    qint64 refreshTokenTtl = 0; // 0: refresh tokens never expire (DOT's REFRESH_TOKEN_EXPIRE_SECONDS=None)
    int passwordIterations = 600000;
    bool enforceScopes = false;
    HttpLimits limits;
    // Seconds since the Unix epoch; empty means the system clock. Called on the server's thread only.
    std::function<qint64()> clock;
    // Seed documents (--demo, --seed JSON) loaded at start, in order; users and clients already present are kept.
    QList<QByteArray> seeds;
    std::optional<QSslConfiguration> tls;
    // One entry per answered request (the executable prints them). Called on the server's thread.
    std::function<void(const RequestLogEntry&)> requestLog;
    int hashThreads = 0; // 0: one per CPU
    QStringList scopes = {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("groups")};
};

} // namespace tb::server
