#pragma once

#include "workspace/FileIssue.h"
#include "workspace/Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

// Reads and writes a workspace folder:
//   tokenbench.json                              name, id, format version, default environment
//   environments/<slug>.json                     variables (secret ones as references)
//   auth/<slug>.json                             OAuth profiles (secrets as references)
//   collections/<slug>/collection.json           description, default auth, variables, order of the items
//   collections/<slug>/<folder>/folder.json      the same for a folder
//   collections/<slug>/.../<slug>.request.json   one request
// Synchronous and free of QObject: callers run it on a worker thread for big workspaces (see OpenWorkspace).
class WorkspaceStore
{
public:
    static constexpr auto kManifestName = "tokenbench.json";

    struct LoadResult
    {
        Workspace workspace;
        QList<FileIssue> issues; // files that could not be read; the rest of the workspace is loaded
        QString error;           // the workspace as a whole cannot be used (not a workspace, newer format)
        bool ok() const { return error.isEmpty(); }
    };

    struct SaveResult
    {
        QString error;
        QList<SecretWrite> secrets; // values the caller must put in the SecretStore
        QStringList written;        // files whose bytes changed
        QStringList removed;        // files of items no longer in the model
        bool ok() const { return error.isEmpty(); }
    };

    static LoadResult load(const QString& dir);

    // Completes the model first (id, slugs, secret references), moves literal secrets into secret variables
    // (SecretExtractor), clears secret values from the model into SecretResult::secrets, then writes only the files
    // whose bytes differ. Refuses to touch a folder whose manifest says a newer format.
    static SaveResult save(const QString& dir, Workspace& workspace);

    // The SecretStore key of a secret variable: SecretStore::keyFor(workspace id, scope, key).
    static QString secretRef(const Workspace& workspace, const QString& scope, const QString& key);
};

} // namespace tb
