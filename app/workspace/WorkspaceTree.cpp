#include "workspace/WorkspaceTree.h"

#include "workspace/Slug.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

// The children of a collection or folder, found by path.
std::vector<CollectionItem>* containerItems(Workspace& workspace, const QString& path)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return nullptr;
    Collection* collection = nullptr;
    for (Collection& c : workspace.collections)
        if (c.slug == parts.first())
            collection = &c;
    if (!collection)
        return nullptr;
    std::vector<CollectionItem>* items = &collection->items;
    for (const QString& part : parts.mid(1)) {
        auto it = std::find_if(items->begin(), items->end(),
                               [&part](const CollectionItem& item) { return item.isFolder() && item.slug == part; });
        if (it == items->end())
            return nullptr;
        items = &it->children;
    }
    return items;
}

struct Found
{
    std::vector<CollectionItem>* siblings = nullptr;
    std::size_t index = 0;
    QString parent;
    CollectionItem& item() const { return (*siblings)[index]; }
};

Found findItem(Workspace& workspace, const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash <= 0)
        return {};
    const QString parent = path.left(slash);
    const QString slug = path.mid(slash + 1);
    std::vector<CollectionItem>* siblings = containerItems(workspace, parent);
    if (!siblings)
        return {};
    for (std::size_t i = 0; i < siblings->size(); ++i)
        if ((*siblings)[i].slug == slug)
            return {siblings, i, parent};
    return {};
}

QString uniqueSlug(const std::vector<CollectionItem>& siblings, const QString& name, const CollectionItem* except)
{
    QSet<QString> taken;
    for (const CollectionItem& sibling : siblings)
        if (&sibling != except)
            taken.insert(sibling.slug);
    return Slug::unique(Slug::fromName(name), taken);
}

QString notFound(const QString& path)
{
    return QStringLiteral("Nothing named “%1” in the workspace.").arg(path);
}

WorkspaceTree::Result add(Workspace& workspace, const QString& parent, CollectionItem item)
{
    std::vector<CollectionItem>* items = containerItems(workspace, parent);
    if (!items)
        return {notFound(parent), {}};
    if (item.name.trimmed().isEmpty())
        return {QStringLiteral("A name is needed."), {}};
    item.slug = uniqueSlug(*items, item.name, nullptr);
    items->push_back(item);
    return {{}, parent + u'/' + item.slug};
}

} // namespace

WorkspaceTree::Result WorkspaceTree::addRequest(Workspace& workspace, const QString& parent, const QString& name)
{
    CollectionItem item;
    item.name = name.trimmed();
    item.request.auth.kind = AuthSpec::Kind::Inherit;
    return add(workspace, parent, item);
}

WorkspaceTree::Result WorkspaceTree::saveRequestAs(Workspace& workspace, const QString& parent, const QString& name,
                                                   const RequestSpec& request)
{
    if (const QString error = checkNewName(workspace, parent, name); !error.isEmpty())
        return {error, {}};
    CollectionItem item;
    item.name = name.trimmed();
    item.request = request;
    return add(workspace, parent, item);
}

QString WorkspaceTree::checkNewName(const Workspace& workspace, const QString& parent, const QString& name)
{
    const std::vector<CollectionItem>* items = containerItems(const_cast<Workspace&>(workspace), parent);
    if (!items)
        return notFound(parent);
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("A name is needed.");
    // Case does not make two names different to a reader, nor to a case-insensitive file system's slugs.
    for (const CollectionItem& sibling : *items)
        if (sibling.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return QStringLiteral("There is already a %1 named “%2” here. Choose another name.")
                .arg(sibling.isFolder() ? QStringLiteral("folder") : QStringLiteral("request"), sibling.name);
    return {};
}

WorkspaceTree::Result WorkspaceTree::addFolder(Workspace& workspace, const QString& parent, const QString& name)
{
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.name = name.trimmed();
    return add(workspace, parent, folder);
}

WorkspaceTree::Result WorkspaceTree::rename(Workspace& workspace, const QString& path, const QString& name)
{
    if (name.trimmed().isEmpty())
        return {QStringLiteral("A name is needed."), {}};
    if (!path.contains(u'/')) {
        for (Collection& collection : workspace.collections) {
            if (collection.slug == path) {
                collection.name = name.trimmed();
                return {{}, path};
            }
        }
        return {notFound(path), {}};
    }
    const Found found = findItem(workspace, path);
    if (!found.siblings)
        return {notFound(path), {}};
    found.item().name = name.trimmed();
    return {{}, path};
}

WorkspaceTree::Result WorkspaceTree::duplicate(Workspace& workspace, const QString& path)
{
    const Found found = findItem(workspace, path);
    if (!found.siblings)
        return {notFound(path), {}};
    CollectionItem copy = found.item();
    copy.name = u"%1 copy"_s.arg(copy.name);
    copy.slug = uniqueSlug(*found.siblings, copy.name, nullptr);
    found.siblings->insert(found.siblings->begin() + qsizetype(found.index) + 1, copy);
    return {{}, found.parent + u'/' + copy.slug};
}

WorkspaceTree::Result WorkspaceTree::remove(Workspace& workspace, const QString& path)
{
    if (!path.contains(u'/')) {
        const auto it = std::find_if(workspace.collections.begin(), workspace.collections.end(),
                                     [&path](const Collection& c) { return c.slug == path; });
        if (it == workspace.collections.end())
            return {notFound(path), {}};
        workspace.collections.erase(it);
        return {};
    }
    const Found found = findItem(workspace, path);
    if (!found.siblings)
        return {notFound(path), {}};
    found.siblings->erase(found.siblings->begin() + qsizetype(found.index));
    return {};
}

WorkspaceTree::Result WorkspaceTree::move(Workspace& workspace, const QString& path, const QString& parent, int row)
{
    if (parent == path || parent.startsWith(path + u'/'))
        return {QStringLiteral("A folder cannot go inside itself."), {}};
    const Found found = findItem(workspace, path);
    if (!found.siblings)
        return {notFound(path), {}};
    if (!containerItems(workspace, parent))
        return {notFound(parent), {}};
    const bool sameParent = found.parent == parent;
    CollectionItem item = found.item();
    if (sameParent && row > int(found.index))
        --row; // the row was counted with the item still in place
    found.siblings->erase(found.siblings->begin() + qsizetype(found.index));
    // Found again: the erase may have moved the folder that receives the item.
    std::vector<CollectionItem>* target = containerItems(workspace, parent);
    if (!sameParent)
        item.slug = uniqueSlug(*target, item.slug, nullptr);
    row = qBound(0, row, int(target->size()));
    target->insert(target->begin() + row, item);
    return {{}, parent + u'/' + item.slug};
}

bool WorkspaceTree::isFolderOrCollection(const Workspace& workspace, const QString& path)
{
    return containerItems(const_cast<Workspace&>(workspace), path) != nullptr;
}

} // namespace tb
