#pragma once

#include "http/VariableResolver.h"
#include "workspace/RequestLocation.h"

#include <QHash>

#include <optional>

namespace tb {

// A saved request ready to send or export: its inherited auth applied, and the variables in scope (the active
// environment, then the collection's, then each folder's: later layers win). Secret variables take their values
// from the caller (read from the SecretStore), so nothing here touches a secret by itself. The CLI makes one with
// an environment of the workspace (make); the app, which keeps its own globals and environment layers, makes one
// without (at) and puts the request's scope above its layers (addScopeLayers).
class RequestContext
{
public:
    // environment: a name or slug; empty: the workspace's default environment, or the only one; none is fine.
    static std::optional<RequestContext> make(const Workspace& workspace, const QString& requestPath,
                                              const QString& environment, QString* error);

    // The request at location, no environment in scope. The location must outlive the context.
    static RequestContext at(const RequestLocation& location);

    // The request as saved, with its effective (inherited) auth.
    RequestSpec request() const;
    // edited (the saved request as changed in an editor) with the auth it inherits when it says Inherit.
    RequestSpec withInheritedAuth(const RequestSpec& edited) const;
    const RequestLocation& location() const { return m_location; }
    const Environment* environment() const { return m_environment; }

    // SecretStore references of the secret variables in scope.
    QStringList secretRefs() const;
    // The variable layers; secretValues maps a reference to its value (missing ones stay unresolved).
    VariableResolver resolver(const QHash<QString, QString>& secretValues) const;
    // The collection's and folders' layers (not the environment's) above those resolver has already.
    void addScopeLayers(VariableResolver& resolver, const QHash<QString, QString>& secretValues) const;
    // Whether name is a secret variable in scope (its winning definition).
    bool isSecret(const QString& name) const;

private:
    std::vector<std::pair<QString, const VariableList*>> layers() const;
    static void addLayers(VariableResolver& resolver,
                          const std::vector<std::pair<QString, const VariableList*>>& layers,
                          const QHash<QString, QString>& secretValues);

    RequestLocation m_location;
    const Environment* m_environment = nullptr;
};

} // namespace tb
