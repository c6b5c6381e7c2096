#pragma once

#include "workspace/Workspace.h"

#include <QString>

#include <optional>
#include <vector>

namespace tb {

// Where a saved request sits in a workspace, and what it inherits from there. A path names the collection, the
// folders and the request by slug or by name, separated by '/': "users-api/admin/delete-user" or
// "Users API/Admin/Delete a user".
struct RequestLocation
{
    const Collection* collection = nullptr;
    std::vector<const CollectionItem*> folders; // outermost first
    const CollectionItem* item = nullptr;

    static std::optional<RequestLocation> find(const Workspace& workspace, const QString& path, QString* error);

    // Auth inheritance: request -> innermost folder -> ... -> collection. Inherit all the way up means none.
    AuthSpec effectiveAuth() const;
    // The same for another auth of this request (as edited, not yet saved).
    AuthSpec inheritedAuth(const AuthSpec& own) const;
    static AuthSpec effectiveAuth(const AuthSpec& own, const std::vector<const AuthSpec*>& outerFirst);

    // The collection's variables, then each folder's, outermost first: later layers win.
    std::vector<VariableList> variableLayers() const;

    // The slugs joined by '/', the canonical form of the path.
    QString path() const;
};

} // namespace tb
