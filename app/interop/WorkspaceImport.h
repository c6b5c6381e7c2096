#pragma once

#include "workspace/Variable.h"
#include "workspace/Workspace.h"

#include <QString>
#include <QStringList>

namespace tb {

// Imports into a workspace folder (created when it does not exist yet) and saves it. Secrets found on the way
// (secret variables, literal tokens and passwords, oauth2 client secrets) are returned for the caller to put in the
// SecretStore; the files only ever hold their references. Used by `tokenbench-cli import` and the GUI.
class WorkspaceImport
{
public:
    struct Result
    {
        QString error;
        QStringList notes;          // what was not imported, scripts not run, ...
        QList<SecretWrite> secrets; // SecretStore key -> value
        QStringList created;        // request paths or names of what was added
        bool ok() const { return error.isEmpty(); }
    };

    struct CurlTarget
    {
        QString collection = QStringLiteral("Imported"); // by name or slug; created when missing
        QString folder;                                  // "a/b" inside the collection; created when missing
        QString name;                                    // empty: METHOD + URL path
    };

    static Result curl(const QString& dir, const QString& command, const CurlTarget& target);
    static Result postmanCollection(const QString& dir, const QByteArray& json);
    static Result postmanEnvironment(const QString& dir, const QByteArray& json);
    // A file of either kind (an environment has "values" and no "item"), as a desktop entry or a drop hands it over.
    static Result postmanFile(const QString& dir, const QByteArray& json);

    // Loads dir, or starts a new workspace named after the folder when it has no tokenbench.json.
    static Workspace loadOrCreate(const QString& dir, QString* error);
};

} // namespace tb
