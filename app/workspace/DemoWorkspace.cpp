#include "workspace/DemoWorkspace.h"

#include "auth/OAuthProfile.h"
#include "secrets/SecretStore.h"
#include "workspace/WorkspaceStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tb {

QList<SecretWrite> DemoWorkspace::secretsFromSeed(const Workspace& demo, const QByteArray& seedJson, QString* error)
{
    QList<SecretWrite> secrets;
    QJsonParseError parseError;
    const QJsonObject seed = QJsonDocument::fromJson(seedJson, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !seed.value(u"clients").isArray()) {
        if (error) {
            *error = u"the demo seed is not valid (expected {\"users\": [...], \"clients\": [...]})"_s;
        }
        return secrets;
    }
    auto find = [&](const char16_t* list, const char16_t* key, const QString& value) {
        for (const QJsonValue& entry : seed.value(QStringView(list)).toArray()) {
            if (entry.toObject().value(QStringView(key)).toString() == value) {
                return entry.toObject();
            }
        }
        return QJsonObject();
    };
    for (const AuthProfileFile& file : demo.authProfiles) {
        const std::optional<OAuthProfile> profile = OAuthProfile::fromJson(file.json);
        if (!profile) {
            continue;
        }
        const QJsonObject client = find(u"clients", u"client_id", profile->clientId);
        const QString clientSecret = client.value(u"client_secret").toString();
        if (!profile->clientSecretRef.isEmpty() && !clientSecret.isEmpty()) {
            secrets << SecretWrite{SecretStore::keyFor(demo.id, profile->name, profile->clientSecretRef), clientSecret};
        }
        const QString password = find(u"users", u"username", profile->username).value(u"password").toString();
        if (!profile->passwordRef.isEmpty() && !password.isEmpty()) {
            secrets << SecretWrite{SecretStore::keyFor(demo.id, profile->name, profile->passwordRef), password};
        }
    }
    return secrets;
}

bool DemoWorkspace::copy(const QString& source, const QString& target, QString* error)
{
    if (QFile::exists(QDir(target).filePath(QString::fromLatin1(WorkspaceStore::kManifestName)))) {
        if (error) {
            *error = QStringLiteral("%1 is already a workspace").arg(target);
        }
        return false;
    }
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString destination = QDir(target).filePath(QDir(source).relativeFilePath(path));
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()) || !QFile::copy(path, destination)) {
            if (error) {
                *error = QStringLiteral("cannot copy %1 to %2").arg(path, destination);
            }
            return false;
        }
        QFile::setPermissions(destination, QFile::permissions(destination) | QFile::WriteOwner);
    }
    return true;
}

} // namespace tb
