#include "workspace/RequestContext.h"

using namespace Qt::StringLiterals;

namespace tb {

std::optional<RequestContext> RequestContext::make(const Workspace& workspace, const QString& requestPath,
                                                   const QString& environment, QString* error)
{
    const std::optional<RequestLocation> location = RequestLocation::find(workspace, requestPath, error);
    if (!location) {
        return std::nullopt;
    }
    RequestContext context;
    context.m_location = *location;
    QString wanted = environment.isEmpty() ? workspace.defaultEnvironment : environment;
    if (wanted.isEmpty() && workspace.environments.size() == 1) {
        wanted = workspace.environments.first().name;
    }
    if (!wanted.isEmpty()) {
        context.m_environment = workspace.environment(wanted);
        if (!context.m_environment) {
            if (error) {
                *error = QStringLiteral("no environment \"%1\" in the workspace").arg(wanted);
            }
            return std::nullopt;
        }
    }
    return context;
}

RequestContext RequestContext::at(const RequestLocation& location)
{
    RequestContext context;
    context.m_location = location;
    return context;
}

RequestSpec RequestContext::request() const
{
    return withInheritedAuth(m_location.item->request);
}

RequestSpec RequestContext::withInheritedAuth(const RequestSpec& edited) const
{
    RequestSpec spec = edited;
    spec.auth = m_location.inheritedAuth(edited.auth);
    return spec;
}

std::vector<std::pair<QString, const VariableList*>> RequestContext::layers() const
{
    std::vector<std::pair<QString, const VariableList*>> out;
    if (m_environment) {
        out.emplace_back(VariableResolver::environmentLayer(), &m_environment->variables);
    }
    out.emplace_back(VariableResolver::collectionLayer(), &m_location.collection->variables);
    for (const CollectionItem* folder : m_location.folders) {
        out.emplace_back(u"folder "_s + folder->slug, &folder->variables);
    }
    return out;
}

QStringList RequestContext::secretRefs() const
{
    QStringList refs;
    for (const auto& [name, variables] : layers()) {
        for (const Variable& v : *variables) {
            if (v.enabled && v.secret && !v.ref.isEmpty()) {
                refs << v.ref;
            }
        }
    }
    return refs;
}

VariableResolver RequestContext::resolver(const QHash<QString, QString>& secretValues) const
{
    VariableResolver resolver;
    addLayers(resolver, layers(), secretValues);
    return resolver;
}

void RequestContext::addScopeLayers(VariableResolver& resolver, const QHash<QString, QString>& secretValues) const
{
    auto scope = layers();
    if (m_environment) {
        scope.erase(scope.begin()); // the caller's own environment layer stands
    }
    addLayers(resolver, scope, secretValues);
}

void RequestContext::addLayers(VariableResolver& resolver,
                               const std::vector<std::pair<QString, const VariableList*>>& layers,
                               const QHash<QString, QString>& secretValues)
{
    for (const auto& [name, variables] : layers) {
        QHash<QString, QString> values;
        for (const Variable& v : *variables) {
            if (!v.enabled) {
                continue;
            }
            if (!v.secret) {
                values.insert(v.key, v.value);
            } else if (secretValues.contains(v.ref)) {
                values.insert(v.key, secretValues.value(v.ref));
            } else {
                values.remove(v.key); // unknown here rather than a lower layer's value
            }
        }
        resolver.setLayer(name, values);
    }
}

bool RequestContext::isSecret(const QString& name) const
{
    bool secret = false;
    for (const auto& [layer, variables] : layers()) {
        for (const Variable& v : *variables) {
            if (v.enabled && v.key == name) {
                secret = v.secret;
            }
        }
    }
    return secret;
}

} // namespace tb
