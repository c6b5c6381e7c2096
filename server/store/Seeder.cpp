#include "server/store/Seeder.h"

#include "server/crypto/PasswordHasher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentMap>

namespace tb::server {

QString Seeder::normalizeGrant(const QString& grant)
{
    const QString trimmed = grant.trimmed();
    if (trimmed.startsWith(u"urn:")) {
        return trimmed; // extension grants (RFC 6749 section 4.5) are named by URI and kept as written
    }
    QString normalized = trimmed;
    normalized.replace(u'-', u'_');
    static const QStringList known = {QStringLiteral("password"), QStringLiteral("client_credentials"),
                                      QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
    return known.contains(normalized) ? normalized : QString();
}

bool Seeder::load(Store& store, const QByteArray& json, int iterations, qint64 now, Summary* summary, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("seed: not a JSON object (%1)").arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();

    struct Pending
    {
        UserRecord user;
        QByteArray password;
    };
    QList<Pending> users;
    for (const QJsonValue& value : root.value(u"users").toArray()) {
        const QJsonObject object = value.toObject();
        Pending pending;
        pending.user.username = object.value(u"username").toString();
        pending.user.email = object.value(u"email").toString();
        pending.user.firstName = object.value(u"first_name").toString();
        pending.user.lastName = object.value(u"last_name").toString();
        pending.password = object.value(u"password").toString().toUtf8();
        pending.user.passwordHash = object.value(u"password_hash").toString().toLatin1();
        if (pending.user.username.isEmpty()) {
            *error = QStringLiteral("seed: a user has no username");
            return false;
        }
        if (!store.users().byUsername(pending.user.username)) {
            users.append(pending);
        }
    }
    struct PendingClient
    {
        ClientRecord client;
        QByteArray secret;
    };
    QList<PendingClient> clients;
    for (const QJsonValue& value : root.value(u"clients").toArray()) {
        const QJsonObject object = value.toObject();
        PendingClient pending;
        pending.client.clientId = object.value(u"client_id").toString();
        pending.client.name = object.value(u"name").toString();
        pending.client.confidential =
            object.value(u"client_type").toString(QStringLiteral("confidential")) != u"public";
        pending.secret = object.value(u"client_secret").toString().toUtf8();
        for (const QJsonValue& grant : object.value(u"grant_types").toArray()) {
            const QString normalized = normalizeGrant(grant.toString());
            if (normalized.isEmpty()) {
                *error = QStringLiteral("seed: client %1 has an unknown grant type %2")
                             .arg(pending.client.clientId, grant.toString());
                return false;
            }
            pending.client.grantTypes.append(normalized);
        }
        for (const QJsonValue& uri : object.value(u"redirect_uris").toArray()) {
            pending.client.redirectUris.append(uri.toString());
        }
        pending.client.resourceServer = object.value(u"resource_server").toBool();
        if (pending.client.clientId.isEmpty() || (pending.client.confidential && pending.secret.isEmpty())) {
            *error = QStringLiteral("seed: a client needs a client_id, and a confidential one a client_secret");
            return false;
        }
        if (!store.clients().byClientId(pending.client.clientId)) {
            clients.append(pending);
        }
    }

    // PBKDF2 dominates seeding: hash on every core.
    QtConcurrent::blockingMap(users, [iterations](Pending& pending) {
        if (pending.user.passwordHash.isEmpty()) {
            // Django's unusable password marker when none is given: no password grant for that user.
            pending.user.passwordHash = pending.password.isEmpty() ? QByteArrayLiteral("!")
                                                                   : PasswordHasher::hash(pending.password, iterations);
        }
    });
    QtConcurrent::blockingMap(clients, [iterations](PendingClient& pending) {
        if (pending.client.confidential) {
            pending.client.secretHash = PasswordHasher::hash(pending.secret, iterations);
        }
    });

    Database& db = store.database();
    db.transaction();
    for (const Pending& pending : std::as_const(users)) {
        if (store.users().insert(pending.user, now) == 0) {
            db.rollback();
            *error = QStringLiteral("seed: cannot add user %1").arg(pending.user.username);
            return false;
        }
    }
    for (const PendingClient& pending : std::as_const(clients)) {
        if (store.clients().insert(pending.client, now) == 0) {
            db.rollback();
            *error = QStringLiteral("seed: cannot add client %1").arg(pending.client.clientId);
            return false;
        }
    }
    if (!db.commit()) {
        *error = QStringLiteral("seed: commit failed");
        return false;
    }
    if (summary) {
        summary->usersAdded = int(users.size());
        summary->clientsAdded = int(clients.size());
    }
    return true;
}

} // namespace tb::server
