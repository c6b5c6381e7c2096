#pragma once

#include "server/ServerConfig.h"

#include <QStringList>

namespace tb::server {

// The admin subcommands of tokenbench-server, run directly on the database (--db) without serving:
// user add|list|remove, client add|list|remove. Secrets are read from stdin (user passwords) or generated
// and printed once (client secrets); only their PBKDF2 hashes are stored.
class AdminCommands
{
public:
    struct Options
    {
        QString email;
        QString firstName;
        QString lastName;
        QString name;
        QStringList grants;
        QStringList redirectUris;
        bool isPublic = false;
        bool resourceServer = false;
    };

    // arguments: {"user"|"client", action, [name]}. Returns the process exit code.
    static int run(const ServerConfig& config, const QStringList& arguments, const Options& options);
};

} // namespace tb::server
