#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace tb::server {

// A throwaway P-256 certificate for localhost / 127.0.0.1 / ::1 (--tls-self-signed), valid for 30 days,
// generated with OpenSSL at start and never written to disk.
std::optional<QSslConfiguration> makeSelfSignedTls(QString* error);
// --tls-cert / --tls-key: PEM files.
std::optional<QSslConfiguration> loadTls(const QString& certificatePath, const QString& keyPath, QString* error);

} // namespace tb::server
