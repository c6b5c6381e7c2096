#pragma once

#include "workspace/Variable.h"
#include "workspace/Workspace.h"

#include <QByteArray>
#include <QString>

namespace tb {

// The demo workspace in resources/demo/workspace, wired to tokenbench-server --demo: its OAuth profiles name the
// seed's client ids and user, and their secrets come from the seed (resources/demo/seed.json) into the SecretStore,
// never into the workspace files.
class DemoWorkspace
{
public:
    // The SecretStore entries the demo profiles refer to (client secrets, the demo user's password), looked up in
    // the seed by client id and username. Profiles whose client is not in the seed are skipped.
    static QList<SecretWrite> secretsFromSeed(const Workspace& demo, const QByteArray& seedJson, QString* error);

    // Copies the demo workspace folder to target (which must not be a workspace yet).
    static bool copy(const QString& source, const QString& target, QString* error);
};

} // namespace tb
