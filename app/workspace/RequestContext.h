#pragma once

#include "http/VariableResolver.h"
#include "workspace/RequestLocation.h"

#include <QHash>

#include <optional>

namespace tb {

// A saved request ready to send or export: its inherited auth applied, and the variables in scope (the active
// environment, then the collection's, then each folder's: later layers win). Secret variables take their values
// from the caller (read from the SecretStore), so nothing here touches a secret by itself.
class RequestContext
{
public:
    // environment: a name or slug; empty: the workspace's default environment, or the only one; none is fine.
    static std::optional<RequestContext> make(const Workspace& workspace, const QString& requestPath,
                                              const QString& environment, QString* error);

    // The request as saved, with its effective (inherited) auth.
    RequestSpec request() const;
    const RequestLocation& location() const { return m_location; }
    const Environment* environment() const { return m_environment; }

    // SecretStore references of the secret variables in scope.
    QStringList secretRefs() const;
    // The variable layers; secretValues maps a reference to its value (missing ones stay unresolved).
    VariableResolver resolver(const QHash<QString, QString>& secretValues) const;
    // Whether name is a secret variable in scope (its winning definition).
    bool isSecret(const QString& name) const;

private:
    std::vector<std::pair<QString, const VariableList*>> layers() const;

    RequestLocation m_location;
    const Environment* m_environment = nullptr;
};

} // namespace tb
