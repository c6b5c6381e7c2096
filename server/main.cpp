// tokenbench-server: the bundled reference OAuth 2.0 server (see server/README.md).
//   tokenbench-server [options]                 serve
//   tokenbench-server [--db PATH] user add|list|remove ...
//   tokenbench-server [--db PATH] client add|list|remove ...
#include "server/AdminCommands.h"
#include "server/DemoSeed.h"
#include "server/Server.h"
#include "server/http/SelfSignedCertificate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace tb::server;

namespace {

void printDemoCredentials(const QByteArray& seed)
{
    const QJsonObject root = QJsonDocument::fromJson(seed).object();
    std::printf("Demo credentials (public test values):\n");
    const QJsonObject alice = root.value(u"users").toArray().first().toObject();
    std::printf("  user      %s / %s (and user01..user45 / user-password-1)\n",
                qPrintable(alice.value(u"username").toString()), qPrintable(alice.value(u"password").toString()));
    for (const QJsonValue& value : root.value(u"clients").toArray()) {
        const QJsonObject client = value.toObject();
        QStringList grants;
        for (const QJsonValue& grant : client.value(u"grant_types").toArray()) {
            grants << grant.toString();
        }
        std::printf("  client    %s / %s  [%s]\n", qPrintable(client.value(u"client_id").toString()),
                    client.value(u"client_secret").isNull() ? "(public, PKCE)"
                                                            : qPrintable(client.value(u"client_secret").toString()),
                    qPrintable(grants.join(u", ")));
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokenbench-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENBENCH_VERSION));
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // one flushed line per log entry, also into pipes

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tokenbench reference OAuth 2.0 server (the Django OAuth Toolkit + DRF contract).\n\n"
                       "Admin commands (on --db):\n"
                       "  user add NAME [--email E] [--first-name F] [--last-name L]   password read from stdin\n"
                       "  user list | user remove NAME\n"
                       "  client add CLIENT_ID [--name N] --grant G [--grant G...] [--redirect-uri U...] [--public]\n"
                       "             [--resource-server]                            the secret is printed once\n"
                       "  client list | client remove CLIENT_ID"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0: any free port)."),
                                  QStringLiteral("PORT"), QStringLiteral("8000"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("SQLite database file, or :memory:."),
                                QStringLiteral("PATH"), QStringLiteral("tokenbench-server.sqlite3"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Load users and clients from a JSON file."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Load the demo users and clients and print their credentials."));
    const QCommandLineOption accessTtl(QStringLiteral("access-token-ttl"),
                                       QStringLiteral("Access token lifetime in seconds."), QStringLiteral("SECONDS"),
                                       QStringLiteral("86400"));
    const QCommandLineOption refreshTtl(QStringLiteral("refresh-token-ttl"),
                                        QStringLiteral("Refresh token lifetime in seconds (0: never expire)."),
                                        QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption iterations(QStringLiteral("password-iterations"),
                                        QStringLiteral("PBKDF2-SHA256 iterations for new password and secret hashes."),
                                        QStringLiteral("N"), QString::number(600000));
    const QCommandLineOption enforceScopes(QStringLiteral("enforce-scopes"),
                                           QStringLiteral("Require scope read for safe API methods, write otherwise."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("TLS certificate (PEM)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("TLS private key (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption tlsSelfSigned(QStringLiteral("tls-self-signed"),
                                           QStringLiteral("Serve HTTPS with a throwaway self-signed certificate."));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
                                         QStringLiteral("Close idle connections after SECONDS."),
                                         QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No per-request log lines."));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("user add: email."), QStringLiteral("E"));
    const QCommandLineOption firstName(QStringLiteral("first-name"), QStringLiteral("user add: first name."),
                                       QStringLiteral("F"));
    const QCommandLineOption lastName(QStringLiteral("last-name"), QStringLiteral("user add: last name."),
                                      QStringLiteral("L"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("client add: display name."),
                                  QStringLiteral("N"));
    const QCommandLineOption grant(QStringLiteral("grant"), QStringLiteral("client add: allowed grant (repeatable)."),
                                   QStringLiteral("G"));
    const QCommandLineOption redirectUri(QStringLiteral("redirect-uri"),
                                         QStringLiteral("client add: redirect URI (repeatable)."), QStringLiteral("U"));
    const QCommandLineOption isPublic(QStringLiteral("public"),
                                      QStringLiteral("client add: public client (no secret)."));
    const QCommandLineOption resourceServer(QStringLiteral("resource-server"),
                                            QStringLiteral("client add: may introspect every client's tokens."));
    parser.addOptions({host,          port,          db,       seed,   demo,          accessTtl,   refreshTtl,
                       iterations,    enforceScopes, tlsCert,  tlsKey, tlsSelfSigned, idleTimeout, quiet,
                       email,         firstName,     lastName, name,   grant,         redirectUri, isPublic,
                       resourceServer});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional admin command: user or client."),
                                 QStringLiteral("[user|client ACTION ...]"));
    parser.process(app);

    const auto fail = [](const QString& message) {
        std::fprintf(stderr, "tokenbench-server: %s\n", qPrintable(message));
        return 2;
    };
    const auto number = [&parser](const QCommandLineOption& option, qint64 min, qint64 max) -> std::optional<qint64> {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        return ok && value >= min && value <= max ? std::optional<qint64>(value) : std::nullopt;
    };

    ServerConfig config;
    config.databasePath = parser.value(db);
    const auto iterationCount = number(iterations, 1, 100'000'000);
    if (!iterationCount) {
        return fail(QStringLiteral("--password-iterations must be a positive number"));
    }
    config.passwordIterations = int(*iterationCount);

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        AdminCommands::Options options;
        options.email = parser.value(email);
        options.firstName = parser.value(firstName);
        options.lastName = parser.value(lastName);
        options.name = parser.value(name);
        options.grants = parser.values(grant);
        options.redirectUris = parser.values(redirectUri);
        options.isPublic = parser.isSet(isPublic);
        options.resourceServer = parser.isSet(resourceServer);
        return AdminCommands::run(config, positional, options);
    }

    if (!config.host.setAddress(parser.value(host))) {
        return fail(QStringLiteral("--host: not an IP address: %1").arg(parser.value(host)));
    }
    const auto portNumber = number(port, 0, 65535);
    const auto accessSeconds = number(accessTtl, 1, qint64(10) * 365 * 86400);
    const auto refreshSeconds = number(refreshTtl, 0, qint64(10) * 365 * 86400);
    const auto idleSeconds = number(idleTimeout, 1, 3600);
    if (!portNumber || !accessSeconds || !refreshSeconds || !idleSeconds) {
        return fail(QStringLiteral("--port, --access-token-ttl, --refresh-token-ttl and --idle-timeout take numbers"));
    }
    config.port = quint16(*portNumber);
    config.accessTokenTtl = *accessSeconds;
    config.refreshTokenTtl = *refreshSeconds;
    config.limits.idleTimeoutMs = int(*idleSeconds * 1000);
    config.enforceScopes = parser.isSet(enforceScopes);

    QString error;
    if (parser.isSet(tlsSelfSigned)) {
        config.tls = makeSelfSignedTls(&error);
    } else if (parser.isSet(tlsCert) || parser.isSet(tlsKey)) {
        if (!parser.isSet(tlsCert) || !parser.isSet(tlsKey)) {
            return fail(QStringLiteral("--tls-cert and --tls-key go together"));
        }
        config.tls = loadTls(parser.value(tlsCert), parser.value(tlsKey), &error);
    }
    if (!error.isEmpty()) {
        return fail(error);
    }

    if (parser.isSet(demo)) {
        config.seeds.append(demoSeedJson());
    }
    if (parser.isSet(seed)) {
        QFile file(parser.value(seed));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(QStringLiteral("cannot read %1").arg(parser.value(seed)));
        }
        config.seeds.append(file.readAll());
    }
    if (!parser.isSet(quiet)) {
        config.requestLog = [](const RequestLogEntry& entry) {
            std::printf("%s %s %d %.2f ms\n", entry.method.constData(), entry.path.constData(), entry.status,
                        entry.milliseconds);
            std::fflush(stdout); // line by line also into a pipe (| tee, tests that count requests)
        };
    }
    Server server;
    if (!server.start(config)) {
        return fail(server.errorString());
    }
    if (parser.isSet(demo)) {
        printDemoCredentials(demoSeedJson());
    }
    std::printf("Listening on %s://%s:%d\n", config.tls ? "https" : "http",
                qPrintable(config.host.protocol() == QAbstractSocket::IPv6Protocol
                               ? u'[' + config.host.toString() + u']'
                               : config.host.toString()),
                int(server.port()));
    std::fflush(stdout);
    return app.exec();
}
