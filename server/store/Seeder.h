#pragma once

#include "server/store/Store.h"

namespace tb::server {

// Loads the --seed JSON document (users and clients; see server/README.md). Entries whose username or
// client_id already exist are left alone, so seeding a persistent database again is harmless. Passwords and
// client secrets are hashed here, in parallel, with the configured PBKDF2 iterations.
class Seeder
{
public:
    struct Summary
    {
        int usersAdded = 0;
        int clientsAdded = 0;
    };

    static bool load(Store& store, const QByteArray& json, int iterations, qint64 now, Summary* summary,
                     QString* error);
    // "client-credentials" (DOT's spelling) and "client_credentials" both name the grant; returns the
    // OAuth spelling, or an empty string for an unknown grant.
    static QString normalizeGrant(const QString& grant);
};

} // namespace tb::server
