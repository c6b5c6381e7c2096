#include "workspace/RequestLocation.h"

#include "workspace/Slug.h"

namespace tb {

std::optional<RequestLocation> RequestLocation::find(const Workspace& workspace, const QString& path, QString* error)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    auto fail = [&](const QString& message) -> std::optional<RequestLocation> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    if (parts.size() < 2) {
        return fail(QStringLiteral("\"%1\": a request path is COLLECTION/[FOLDER/...]REQUEST").arg(path));
    }
    RequestLocation location;
    location.collection = workspace.collection(parts.first());
    if (!location.collection) {
        return fail(QStringLiteral("no collection \"%1\" in the workspace").arg(parts.first()));
    }
    const std::vector<CollectionItem>* items = &location.collection->items;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const CollectionItem* item = Slug::find(*items, parts.at(i));
        if (!item) {
            return fail(QStringLiteral("no \"%1\" in %2").arg(parts.at(i), parts.mid(0, i).join(u'/')));
        }
        if (i + 1 == parts.size()) {
            if (item->isFolder()) {
                return fail(QStringLiteral("\"%1\" is a folder, not a request").arg(path));
            }
            location.item = item;
        } else {
            if (!item->isFolder()) {
                return fail(QStringLiteral("\"%1\" is a request, not a folder").arg(parts.mid(0, i + 1).join(u'/')));
            }
            location.folders.push_back(item);
            items = &item->children;
        }
    }
    return location;
}

AuthSpec RequestLocation::effectiveAuth(const AuthSpec& own, const std::vector<const AuthSpec*>& outerFirst)
{
    if (own.kind != AuthSpec::Kind::Inherit) {
        return own;
    }
    for (auto it = outerFirst.rbegin(); it != outerFirst.rend(); ++it) {
        if ((*it)->kind != AuthSpec::Kind::Inherit) {
            return **it;
        }
    }
    AuthSpec none;
    none.kind = AuthSpec::Kind::None;
    return none;
}

AuthSpec RequestLocation::effectiveAuth() const
{
    return inheritedAuth(item->request.auth);
}

AuthSpec RequestLocation::inheritedAuth(const AuthSpec& own) const
{
    std::vector<const AuthSpec*> outer{&collection->auth};
    for (const CollectionItem* folder : folders) {
        outer.push_back(&folder->auth);
    }
    return effectiveAuth(own, outer);
}

std::vector<VariableList> RequestLocation::variableLayers() const
{
    std::vector<VariableList> layers{collection->variables};
    for (const CollectionItem* folder : folders) {
        layers.push_back(folder->variables);
    }
    return layers;
}

QString RequestLocation::path() const
{
    QStringList parts{collection->slug};
    for (const CollectionItem* folder : folders) {
        parts << folder->slug;
    }
    parts << item->slug;
    return parts.join(u'/');
}

} // namespace tb
