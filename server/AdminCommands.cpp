#include "server/AdminCommands.h"

#include "server/crypto/PasswordHasher.h"
#include "server/crypto/TokenCrypto.h"
#include "server/store/Seeder.h"
#include "server/store/Store.h"

#include <QDateTime>
#include <QTextStream>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace tb::server {

namespace {

int usage(const QString& message)
{
    std::fprintf(stderr, "tokenbench-server: %s (see --help)\n", qPrintable(message));
    return 2;
}

// One line from stdin; without echo when stdin is a terminal.
QByteArray readSecretLine()
{
    const bool tty = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "Password: ");
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QByteArray line = in.readLine().toUtf8();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return line;
}

int userCommand(Store& store, const ServerConfig& config, const QStringList& args,
                const AdminCommands::Options& options)
{
    const QString action = args.value(1);
    if (action == u"list") {
        for (const UserRecord& user : store.users().list({}, {}, 0, std::numeric_limits<qint64>::max())) {
            std::printf("%lld\t%s\t%s\n", static_cast<long long>(user.id), qPrintable(user.username),
                        qPrintable(user.email));
        }
        return 0;
    }
    const QString username = args.value(2);
    if (username.isEmpty()) {
        return usage(QStringLiteral("user %1 needs a username").arg(action));
    }
    if (action == u"add") {
        if (store.users().byUsername(username)) {
            return usage(QStringLiteral("user %1 already exists").arg(username));
        }
        const QByteArray password = readSecretLine();
        if (password.isEmpty()) {
            return usage(QStringLiteral("no password given on stdin"));
        }
        UserRecord user;
        user.username = username;
        user.email = options.email;
        user.firstName = options.firstName;
        user.lastName = options.lastName;
        user.passwordHash = PasswordHasher::hash(password, config.passwordIterations);
        const qint64 id = store.users().insert(user, QDateTime::currentSecsSinceEpoch());
        if (id == 0) {
            return usage(QStringLiteral("cannot add user %1").arg(username));
        }
        std::printf("added user %s (id %lld)\n", qPrintable(username), static_cast<long long>(id));
        return 0;
    }
    if (action == u"remove") {
        const auto user = store.users().byUsername(username);
        if (!user || !store.users().remove(user->id)) {
            return usage(QStringLiteral("no user %1").arg(username));
        }
        std::printf("removed user %s\n", qPrintable(username));
        return 0;
    }
    return usage(QStringLiteral("unknown user action '%1'").arg(action));
}

int clientCommand(Store& store, const ServerConfig& config, const QStringList& args,
                  const AdminCommands::Options& options)
{
    const QString action = args.value(1);
    if (action == u"list") {
        for (const ClientRecord& client : store.clients().list()) {
            std::printf("%s\t%s\t%s\t%s%s\n", qPrintable(client.clientId),
                        client.confidential ? "confidential" : "public", qPrintable(client.grantTypes.join(u',')),
                        qPrintable(client.redirectUris.join(u',')), client.resourceServer ? "\tresource-server" : "");
        }
        return 0;
    }
    const QString clientId = args.value(2);
    if (clientId.isEmpty()) {
        return usage(QStringLiteral("client %1 needs a client id").arg(action));
    }
    if (action == u"add") {
        ClientRecord client;
        client.clientId = clientId;
        client.name = options.name.isEmpty() ? clientId : options.name;
        client.confidential = !options.isPublic;
        client.resourceServer = options.resourceServer;
        client.redirectUris = options.redirectUris;
        for (const QString& grant : options.grants) {
            const QString normalized = Seeder::normalizeGrant(grant);
            if (normalized.isEmpty()) {
                return usage(QStringLiteral("unknown grant type %1").arg(grant));
            }
            client.grantTypes.append(normalized);
        }
        if (client.grantTypes.isEmpty()) {
            return usage(QStringLiteral("client add needs at least one --grant"));
        }
        if (store.clients().byClientId(clientId)) {
            return usage(QStringLiteral("client %1 already exists").arg(clientId));
        }
        QByteArray secret;
        if (client.confidential) {
            secret = generateToken(48);
            client.secretHash = PasswordHasher::hash(secret, config.passwordIterations);
        }
        if (store.clients().insert(client, QDateTime::currentSecsSinceEpoch()) == 0) {
            return usage(QStringLiteral("cannot add client %1").arg(clientId));
        }
        std::printf("added client %s\n", qPrintable(clientId));
        if (!secret.isEmpty()) {
            std::printf("client secret (shown only now): %s\n", secret.constData());
        }
        return 0;
    }
    if (action == u"remove") {
        if (!store.clients().removeByClientId(clientId)) {
            return usage(QStringLiteral("no client %1").arg(clientId));
        }
        std::printf("removed client %s\n", qPrintable(clientId));
        return 0;
    }
    return usage(QStringLiteral("unknown client action '%1'").arg(action));
}

} // namespace

int AdminCommands::run(const ServerConfig& config, const QStringList& arguments, const Options& options)
{
    Store store(config.databasePath);
    QString error;
    if (!store.open(&error)) {
        return usage(error);
    }
    const QString subject = arguments.value(0);
    if (subject == u"user") {
        return userCommand(store, config, arguments, options);
    }
    if (subject == u"client") {
        return clientCommand(store, config, arguments, options);
    }
    return usage(QStringLiteral("unknown command '%1'").arg(subject));
}

} // namespace tb::server
