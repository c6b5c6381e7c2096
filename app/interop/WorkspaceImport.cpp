#include "interop/WorkspaceImport.h"

#include "interop/CurlImporter.h"
#include "interop/PostmanImporter.h"
#include "secrets/SecretStore.h"
#include "workspace/Slug.h"
#include "workspace/WorkspaceStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

WorkspaceImport::Result save(const QString& dir, Workspace& ws, WorkspaceImport::Result result)
{
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(dir, ws);
    if (!saved.ok()) {
        result.error = saved.error;
        return result;
    }
    result.secrets << saved.secrets;
    return result;
}

Collection& collectionNamed(Workspace& ws, const QString& name)
{
    for (Collection& c : ws.collections) {
        if (c.slug == name || c.name.compare(name, Qt::CaseInsensitive) == 0) {
            return c;
        }
    }
    Collection c;
    c.name = name;
    ws.collections.push_back(c);
    return ws.collections.back();
}

std::vector<CollectionItem>& folderItems(std::vector<CollectionItem>& items, const QStringList& path)
{
    if (path.isEmpty()) {
        return items;
    }
    for (CollectionItem& item : items) {
        if (item.isFolder() &&
            (item.slug == path.first() || item.name.compare(path.first(), Qt::CaseInsensitive) == 0)) {
            return folderItems(item.children, path.mid(1));
        }
    }
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.name = path.first();
    items.push_back(folder);
    return folderItems(items.back().children, path.mid(1));
}

} // namespace

Workspace WorkspaceImport::loadOrCreate(const QString& dir, QString* error)
{
    if (!QFileInfo::exists(QDir(dir).filePath(QString::fromLatin1(WorkspaceStore::kManifestName)))) {
        Workspace ws;
        ws.name = QFileInfo(QDir(dir).absolutePath()).fileName();
        return ws;
    }
    WorkspaceStore::LoadResult loaded = WorkspaceStore::load(dir);
    if (!loaded.ok()) {
        *error = loaded.error;
    } else if (!loaded.issues.isEmpty()) {
        // Saving over a workspace with unreadable files is safe (they are left alone), but say so.
        for (const FileIssue& issue : loaded.issues) {
            qWarning("%s", qPrintable(issue.toString()));
        }
    }
    return loaded.workspace;
}

WorkspaceImport::Result WorkspaceImport::curl(const QString& dir, const QString& command, const CurlTarget& target)
{
    Result result;
    Workspace ws = loadOrCreate(dir, &result.error);
    if (!result.ok()) {
        return result;
    }
    const CurlImporter::Result imported = CurlImporter::fromCommand(command);
    if (!imported.ok()) {
        result.error = imported.error;
        return result;
    }
    result.notes = imported.notes;
    CollectionItem item;
    item.request = imported.request;
    item.name = target.name;
    if (item.name.isEmpty()) {
        const QString path = QUrl(item.request.url).path();
        item.name = item.request.method + u' ' + (path.isEmpty() ? item.request.url : path);
    }
    Collection& c = collectionNamed(ws, target.collection);
    const QStringList folders = target.folder.split(u'/', Qt::SkipEmptyParts);
    folderItems(c.items, folders).push_back(item);
    result = save(dir, ws, result);
    if (result.ok()) {
        // The path by slugs, which `export curl` and `send --workspace` take (names may hold a '/').
        QStringList path{c.slug};
        const std::vector<CollectionItem>* items = &c.items;
        for (const QString& folder : folders) {
            const CollectionItem* found = Slug::find(*items, folder);
            path << found->slug;
            items = &found->children;
        }
        path << items->back().slug;
        result.created << path.join(u'/');
    }
    return result;
}

WorkspaceImport::Result WorkspaceImport::postmanCollection(const QString& dir, const QByteArray& json)
{
    Result result;
    Workspace ws = loadOrCreate(dir, &result.error);
    if (!result.ok()) {
        return result;
    }
    PostmanImporter::Result imported = PostmanImporter::importCollection(json);
    if (!imported.ok()) {
        result.error = imported.error;
        return result;
    }
    result.notes = imported.notes;
    if (ws.collection(imported.collection.name)) {
        imported.collection.name += u" (imported)"_s; // never merge into or replace what the user has
    }
    for (const OAuthProfile& profile : imported.profiles) {
        if (ws.authProfile(profile.name)) {
            result.notes
                << QStringLiteral("the OAuth profile \"%1\" already exists and was kept as it was").arg(profile.name);
            continue;
        }
        ws.authProfiles << AuthProfileFile{profile.name, {}, profile.toJson()};
    }
    result.created << imported.collection.name;
    ws.collections.push_back(imported.collection);
    result = save(dir, ws, result);
    if (!result.ok()) {
        return result;
    }
    for (const PostmanImporter::ProfileSecret& secret : imported.secrets) {
        result.secrets << SecretWrite{SecretStore::keyFor(ws.id, secret.profile, secret.item), secret.value};
    }
    return result;
}

WorkspaceImport::Result WorkspaceImport::postmanEnvironment(const QString& dir, const QByteArray& json)
{
    Result result;
    Workspace ws = loadOrCreate(dir, &result.error);
    if (!result.ok()) {
        return result;
    }
    PostmanImporter::EnvironmentResult imported = PostmanImporter::importEnvironment(json);
    if (!imported.ok()) {
        result.error = imported.error;
        return result;
    }
    result.notes = imported.notes;
    if (ws.environment(imported.environment.name)) {
        imported.environment.name += u" (imported)"_s;
    }
    if (ws.defaultEnvironment.isEmpty()) {
        ws.defaultEnvironment = imported.environment.name;
    }
    result.created << imported.environment.name;
    ws.environments << imported.environment;
    return save(dir, ws, result);
}

WorkspaceImport::Result WorkspaceImport::postmanFile(const QString& dir, const QByteArray& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const bool environment = object.value(u"values").isArray() && !object.contains(u"item");
    return environment ? postmanEnvironment(dir, json) : postmanCollection(dir, json);
}

} // namespace tb
