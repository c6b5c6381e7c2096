#include "workspace/WorkspaceStore.h"

#include "secrets/SecretStore.h"
#include "workspace/JsonFile.h"
#include "workspace/SecretExtractor.h"
#include "workspace/Slug.h"
#include "workspace/WorkspaceCodec.h"
#include "workspace/WorkspaceMigrations.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

const QString kRequestSuffix = u".request.json"_s;
const QString kCollectionFile = u"collection.json"_s;
const QString kFolderFile = u"folder.json"_s;

QString manifestPath(const QString& dir)
{
    return QDir(dir).filePath(QString::fromLatin1(WorkspaceStore::kManifestName));
}

QStringList sortedEntries(const QString& dir, const QStringList& filters, QDir::Filters kind)
{
    return QDir(dir).entryList(filters, kind | QDir::NoDotAndDotDot, QDir::Name);
}

// ---- loading ----

class Loader
{
public:
    Loader(WorkspaceStore::LoadResult& result, int version) : m_result(result), m_version(version) {}

    std::optional<QJsonObject> readObject(const QString& path)
    {
        JsonFile::ReadResult read = JsonFile::read(path);
        if (read.issue) {
            m_result.issues << *read.issue;
            return std::nullopt;
        }
        return read.document.object();
    }

    void report(const QString& path, const QStringList& problems)
    {
        for (const QString& problem : problems) {
            m_result.issues << FileIssue{path, 0, 0, problem};
        }
    }

    // Reads the items of a collection or folder directory in the order its container file lists, then any item
    // the order does not mention (added by hand or by a merge) by name.
    std::vector<CollectionItem> loadItems(const QString& dir, const QJsonArray& order)
    {
        QStringList slugs;
        for (const QJsonValue& v : order) {
            slugs << v.toString();
        }
        QStringList unlisted;
        for (const QString& file : sortedEntries(dir, {u"*"_s + kRequestSuffix}, QDir::Files)) {
            unlisted << file.chopped(kRequestSuffix.size());
        }
        for (const QString& sub : sortedEntries(dir, {}, QDir::Dirs)) {
            if (QFileInfo::exists(QDir(dir).filePath(sub + u'/' + kFolderFile)) && !unlisted.contains(sub)) {
                unlisted << sub;
            }
        }
        unlisted.sort();
        for (const QString& slug : unlisted) {
            if (!slugs.contains(slug)) {
                slugs << slug;
            }
        }
        std::vector<CollectionItem> items;
        QSet<QString> seen;
        for (const QString& slug : slugs) {
            if (slug.isEmpty() || seen.contains(slug)) {
                continue;
            }
            seen.insert(slug);
            const QString requestPath = QDir(dir).filePath(slug + kRequestSuffix);
            const QString folderDir = QDir(dir).filePath(slug);
            if (QFileInfo::exists(requestPath)) {
                if (auto json = readObject(requestPath)) {
                    QStringList problems;
                    CollectionItem item = WorkspaceCodec::requestFromJson(
                        WorkspaceMigrations::migrateRequest(*json, m_version), problems);
                    report(requestPath, problems);
                    item.slug = slug;
                    if (item.name.isEmpty()) {
                        item.name = slug;
                    }
                    items.push_back(std::move(item));
                }
            } else if (QFileInfo::exists(QDir(folderDir).filePath(kFolderFile))) {
                const QString path = QDir(folderDir).filePath(kFolderFile);
                if (auto json = readObject(path)) {
                    CollectionItem folder;
                    folder.kind = CollectionItem::Kind::Folder;
                    folder.slug = slug;
                    QStringList problems;
                    readContainer(*json, folder.name, folder.description, folder.auth, folder.variables, folder.scripts,
                                  problems);
                    report(path, problems);
                    if (folder.name.isEmpty()) {
                        folder.name = slug;
                    }
                    folder.children = loadItems(folderDir, json->value(u"order").toArray());
                    items.push_back(std::move(folder));
                }
            }
            // An order entry without a file is a request deleted outside the app: nothing to load.
        }
        return items;
    }

    static void readContainer(const QJsonObject& json, QString& name, QString& description, AuthSpec& auth,
                              VariableList& variables, Scripts& scripts, QStringList& problems)
    {
        name = json.value(u"name").toString();
        description = json.value(u"description").toString();
        auth = WorkspaceCodec::authFromJson(json.value(u"auth").toObject(), problems);
        variables = WorkspaceCodec::variablesFromJson(json.value(u"variables").toArray());
        scripts = WorkspaceCodec::scriptsFromJson(json.value(u"scripts").toObject());
    }

private:
    WorkspaceStore::LoadResult& m_result;
    int m_version;
};

// ---- saving ----

class Saver
{
public:
    Saver(const QString& dir, Workspace& workspace, WorkspaceStore::SaveResult& result)
        : m_dir(dir), m_workspace(workspace), m_result(result)
    {}

    bool write(const QString& path, const QJsonObject& json)
    {
        m_expected.insert(QDir::cleanPath(path));
        const JsonFile::WriteResult write = JsonFile::writeIfChanged(path, JsonFile::serialize(json));
        if (write.outcome == JsonFile::WriteOutcome::Failed) {
            m_result.error = write.error;
            return false;
        }
        if (write.outcome == JsonFile::WriteOutcome::Written) {
            m_result.written << path;
        }
        return true;
    }

    // Gives every secret variable its reference and hands its value to the caller instead of the file.
    void takeSecrets(VariableList& variables, const QString& scope)
    {
        for (Variable& v : variables) {
            if (!v.secret) {
                continue;
            }
            if (v.ref.isEmpty()) {
                v.ref = WorkspaceStore::secretRef(m_workspace, scope, v.key);
            }
            if (!v.value.isEmpty()) {
                m_result.secrets << SecretWrite{v.ref, v.value};
                v.value.clear();
            }
        }
    }

    bool saveItems(const QString& dir, const QString& scope, std::vector<CollectionItem>& items, QJsonArray& order)
    {
        QSet<QString> taken;
        for (CollectionItem& item : items) {
            item.slug = Slug::unique(item.slug.isEmpty() ? Slug::fromName(item.name) : item.slug, taken);
            order.append(item.slug);
        }
        for (CollectionItem& item : items) {
            if (!item.isFolder()) {
                if (!write(QDir(dir).filePath(item.slug + kRequestSuffix), WorkspaceCodec::requestToJson(item))) {
                    return false;
                }
                continue;
            }
            const QString folderDir = QDir(dir).filePath(item.slug);
            const QString folderScope = scope + u'/' + item.slug;
            takeSecrets(item.variables, folderScope);
            QJsonArray childOrder;
            if (!saveItems(folderDir, folderScope, item.children, childOrder)) {
                return false;
            }
            QJsonObject json =
                WorkspaceCodec::containerToJson(item.name, item.description, item.auth, item.variables, item.scripts);
            json.insert(u"order"_s, childOrder);
            m_expectedDirs.insert(QDir::cleanPath(folderDir));
            if (!write(QDir(folderDir).filePath(kFolderFile), json)) {
                return false;
            }
        }
        return true;
    }

    bool saveAll()
    {
        Workspace& ws = m_workspace;
        QJsonObject manifest{
            {u"formatVersion"_s, WorkspaceMigrations::kCurrentVersion}, {u"id"_s, ws.id}, {u"name"_s, ws.name}};
        if (!ws.defaultEnvironment.isEmpty()) {
            manifest.insert(u"defaultEnvironment"_s, ws.defaultEnvironment);
        }
        if (!write(manifestPath(m_dir), manifest)) {
            return false;
        }

        QSet<QString> taken;
        for (Environment& env : ws.environments) {
            env.slug = Slug::unique(env.slug.isEmpty() ? Slug::fromName(env.name) : env.slug, taken);
            SecretExtractor::markSensitiveVariables(env.variables);
            takeSecrets(env.variables, u"environments/"_s + env.slug);
            const QJsonObject json{{u"name"_s, env.name},
                                   {u"variables"_s, WorkspaceCodec::variablesToJson(env.variables)}};
            if (!write(QDir(m_dir).filePath(u"environments/"_s + env.slug + u".json"_s), json)) {
                return false;
            }
        }

        taken.clear();
        for (AuthProfileFile& profile : ws.authProfiles) {
            profile.slug = Slug::unique(profile.slug.isEmpty() ? Slug::fromName(profile.name) : profile.slug, taken);
            if (!write(QDir(m_dir).filePath(u"auth/"_s + profile.slug + u".json"_s), profile.json)) {
                return false;
            }
        }

        taken.clear();
        for (Collection& c : ws.collections) {
            c.slug = Slug::unique(c.slug.isEmpty() ? Slug::fromName(c.name) : c.slug, taken);
            SecretExtractor::extract(c);
            const QString scope = u"collections/"_s + c.slug;
            takeSecrets(c.variables, scope);
            const QString dir = QDir(m_dir).filePath(scope);
            QJsonArray order;
            if (!saveItems(dir, scope, c.items, order)) {
                return false;
            }
            QJsonObject json = WorkspaceCodec::containerToJson(c.name, c.description, c.auth, c.variables, c.scripts);
            json.insert(u"order"_s, order);
            m_expectedDirs.insert(QDir::cleanPath(dir));
            if (!write(QDir(dir).filePath(kCollectionFile), json)) {
                return false;
            }
        }
        removeStaleFiles(QDir(m_dir).filePath(u"environments"_s));
        removeStaleFiles(QDir(m_dir).filePath(u"auth"_s));
        for (const QString& sub : sortedEntries(QDir(m_dir).filePath(u"collections"_s), {}, QDir::Dirs)) {
            removeStaleContainer(QDir(m_dir).filePath(u"collections/"_s + sub), kCollectionFile);
        }
        return true;
    }

private:
    // Removes a file the model no longer has, but only one that parses: a file that does not (a merge conflict
    // being resolved, say) is the user's work in progress and stays.
    void removeIfStale(const QString& path)
    {
        if (m_expected.contains(QDir::cleanPath(path)) || JsonFile::read(path).issue) {
            return;
        }
        if (QFile::remove(path)) {
            m_result.removed << path;
        }
    }

    void removeStaleFiles(const QString& dir)
    {
        for (const QString& file : sortedEntries(dir, {u"*.json"_s}, QDir::Files)) {
            removeIfStale(QDir(dir).filePath(file));
        }
    }

    // A collection or folder directory: inside an expected one, stale requests and sub-folders go; an unexpected
    // one goes as a whole if its own container file parses (it was deleted in the app), otherwise it is left alone.
    void removeStaleContainer(const QString& dir, const QString& containerFile)
    {
        const QString containerPath = QDir(dir).filePath(containerFile);
        const bool expected = m_expectedDirs.contains(QDir::cleanPath(dir));
        if (!expected && JsonFile::read(containerPath).issue) {
            return;
        }
        for (const QString& file : sortedEntries(dir, {u"*"_s + kRequestSuffix}, QDir::Files)) {
            removeIfStale(QDir(dir).filePath(file));
        }
        for (const QString& sub : sortedEntries(dir, {}, QDir::Dirs)) {
            if (QFileInfo::exists(QDir(dir).filePath(sub + u'/' + kFolderFile))) {
                removeStaleContainer(QDir(dir).filePath(sub), kFolderFile);
            }
        }
        if (!expected) {
            removeIfStale(containerPath);
            QDir().rmdir(dir); // only succeeds when nothing else is left in it
        }
    }

    QString m_dir;
    Workspace& m_workspace;
    WorkspaceStore::SaveResult& m_result;
    QSet<QString> m_expected;
    QSet<QString> m_expectedDirs;
};

int manifestVersion(const QJsonObject& manifest)
{
    return manifest.value(u"formatVersion").toInt(0);
}

QString newerVersionMessage(const QString& dir, int version)
{
    return QStringLiteral("%1 was written by a newer Tokenbench (workspace format %2; this version reads up to %3). "
                          "Update Tokenbench to open it; its files were left untouched.")
        .arg(dir)
        .arg(version)
        .arg(WorkspaceMigrations::kCurrentVersion);
}

} // namespace

WorkspaceStore::LoadResult WorkspaceStore::load(const QString& dir)
{
    LoadResult result;
    const QString manifest = manifestPath(dir);
    if (!QFileInfo::exists(manifest)) {
        result.error = QStringLiteral("%1 is not a Tokenbench workspace (it has no %2)").arg(dir, manifest);
        return result;
    }
    const JsonFile::ReadResult read = JsonFile::read(manifest);
    if (read.issue) {
        result.error = read.issue->toString();
        return result;
    }
    const QJsonObject json = read.document.object();
    const int version = manifestVersion(json);
    if (version > WorkspaceMigrations::kCurrentVersion) {
        result.error = newerVersionMessage(dir, version);
        return result;
    }
    if (version < 1) {
        result.error = QStringLiteral("%1: formatVersion is missing or invalid").arg(manifest);
        return result;
    }
    Workspace& ws = result.workspace;
    ws.formatVersion = version;
    ws.id = json.value(u"id").toString();
    ws.name = json.value(u"name").toString();
    ws.defaultEnvironment = json.value(u"defaultEnvironment").toString();

    Loader loader(result, version);
    const QString envDir = QDir(dir).filePath(u"environments"_s);
    for (const QString& file : sortedEntries(envDir, {u"*.json"_s}, QDir::Files)) {
        if (auto env = loader.readObject(QDir(envDir).filePath(file))) {
            Environment e;
            e.slug = file.chopped(5);
            e.name = env->value(u"name").toString(e.slug);
            e.variables = WorkspaceCodec::variablesFromJson(env->value(u"variables").toArray());
            ws.environments << e;
        }
    }
    const QString authDir = QDir(dir).filePath(u"auth"_s);
    for (const QString& file : sortedEntries(authDir, {u"*.json"_s}, QDir::Files)) {
        if (auto profile = loader.readObject(QDir(authDir).filePath(file))) {
            const QString slug = file.chopped(5);
            ws.authProfiles << AuthProfileFile{profile->value(u"name").toString(slug), slug, *profile};
        }
    }
    const QString collectionsDir = QDir(dir).filePath(u"collections"_s);
    for (const QString& sub : sortedEntries(collectionsDir, {}, QDir::Dirs)) {
        const QString cdir = QDir(collectionsDir).filePath(sub);
        const QString cfile = QDir(cdir).filePath(kCollectionFile);
        if (!QFileInfo::exists(cfile)) {
            result.issues << FileIssue{cfile, 0, 0, QStringLiteral("missing: the folder is not a collection")};
            continue;
        }
        if (auto cjson = loader.readObject(cfile)) {
            Collection c;
            c.slug = sub;
            QStringList problems;
            Loader::readContainer(*cjson, c.name, c.description, c.auth, c.variables, c.scripts, problems);
            loader.report(cfile, problems);
            if (c.name.isEmpty()) {
                c.name = sub;
            }
            c.items = loader.loadItems(cdir, cjson->value(u"order").toArray());
            ws.collections.push_back(std::move(c));
        }
    }
    return result;
}

WorkspaceStore::SaveResult WorkspaceStore::save(const QString& dir, Workspace& workspace)
{
    SaveResult result;
    const QString manifest = manifestPath(dir);
    if (QFileInfo::exists(manifest)) {
        const JsonFile::ReadResult read = JsonFile::read(manifest);
        const int version = read.issue ? 0 : manifestVersion(read.document.object());
        if (version > WorkspaceMigrations::kCurrentVersion) {
            result.error = newerVersionMessage(dir, version);
            return result;
        }
    }
    if (workspace.id.isEmpty()) {
        workspace.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    if (workspace.name.isEmpty()) {
        workspace.name = QFileInfo(dir).fileName();
    }
    Saver saver(dir, workspace, result);
    if (saver.saveAll()) {
        workspace.formatVersion = WorkspaceMigrations::kCurrentVersion;
    }
    return result;
}

QString WorkspaceStore::secretRef(const Workspace& workspace, const QString& scope, const QString& key)
{
    return SecretStore::keyFor(workspace.id, scope, key);
}

} // namespace tb
