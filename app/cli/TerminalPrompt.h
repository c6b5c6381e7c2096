#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tb::cli {

// Asks on the controlling terminal (/dev/tty) with echo off, so a passphrase never shows on screen, in the shell
// history or in `ps`. nullopt when there is no terminal (scripts, CI).
std::optional<QByteArray> askHidden(const QString& prompt);

// Reads all of stdin (for --client-secret-stdin and `secrets set`), without the final newline.
QByteArray readStdin();

} // namespace tb::cli
