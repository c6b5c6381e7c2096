#include "cli/ProfileOptions.h"

#include "cli/SecretWriter.h"
#include "cli/TerminalPrompt.h"
#include "http/VariableResolver.h"
#include "workspace/WorkspaceStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace tb::cli {

ProfileOptions::ProfileOptions(For command)
    : m_for(command),
      m_env(command == For::Send ? QStringLiteral("environment") : QStringLiteral("env"),
            QStringLiteral("Environment for {{variables}} (default: the workspace's default)."), QStringLiteral("name"))
{}

QList<const QCommandLineOption*> ProfileOptions::all() const
{
    return {&m_workspace,
            &m_profile,
            &m_env,
            &m_tokenUrl,
            &m_issuer,
            &m_grant,
            &m_clientId,
            &m_clientSecretEnv,
            &m_clientSecretStdin,
            &m_username,
            &m_passwordEnv,
            &m_passwordStdin,
            &m_refreshTokenEnv,
            &m_scope,
            &m_authMethod,
            &m_param,
            &m_authorizeUrl,
            &m_deviceUrl,
            &m_revokeUrl,
            &m_introspectUrl,
            &m_ephemeral,
            &m_noKeychain,
            &m_vault};
}

void ProfileOptions::addTo(QCommandLineParser& parser)
{
    for (const QCommandLineOption* option : all()) {
        if (m_for == For::Send && (option == &m_workspace || option == &m_env))
            continue; // the send parser has them
        parser.addOption(*option);
    }
}

ProfileOptions::Given ProfileOptions::given(const QCommandLineParser& parser) const
{
    Given given;
    for (const QCommandLineOption* option : all()) {
        if (parser.isSet(*option))
            given.values.insert(option->names().constFirst(), parser.values(*option));
    }
    return given;
}

bool ProfileOptions::namesProfile(const Given& given) const
{
    for (const QCommandLineOption* option : {&m_profile, &m_tokenUrl, &m_issuer}) {
        if (given.values.contains(option->names().constFirst()))
            return true;
    }
    return false;
}

SecretStoreSelector::Options ProfileOptions::storeOptions(const Given& given) const
{
    SecretStoreSelector::Options options = SecretWriter::defaultOptions();
    options.ephemeral = options.ephemeral || given.values.contains(m_ephemeral.names().constFirst());
    options.allowKeychain = !given.values.contains(m_noKeychain.names().constFirst());
    options.vaultPath = given.values.value(m_vault.names().constFirst()).value(0);
    return options;
}

QString ProfileOptions::workspaceId(const QString& dir, const QString& id)
{
    return id.isEmpty() ? QFileInfo(dir).canonicalFilePath() : id;
}

ProfileOptions::Loaded ProfileOptions::load(const Given& given, const QString& profileName) const
{
    const auto isSet = [&given](const QCommandLineOption& option) {
        return given.values.contains(option.names().constFirst());
    };
    const auto values = [&given](const QCommandLineOption& option) {
        return given.values.value(option.names().constFirst());
    };
    const auto value = [&values](const QCommandLineOption& option) { return values(option).value(0); };
    Loaded loaded;
    OAuthProfile& p = loaded.profile;
    QHash<QString, QString> variables;
    const QString name = isSet(m_profile) ? value(m_profile) : profileName;
    if (isSet(m_workspace)) {
        const QString dir = value(m_workspace);
        const auto result = WorkspaceStore::load(dir);
        if (!result.ok()) {
            loaded.error = QStringLiteral("cannot open the workspace %1: %2").arg(dir, result.error);
            return loaded;
        }
        const Workspace& ws = result.workspace;
        loaded.workspaceId = workspaceId(dir, ws.id);
        if (name.isEmpty()) {
            loaded.error = QStringLiteral("--workspace needs --profile NAME (one of workspace/auth/*.json)");
            return loaded;
        }
        const AuthProfileFile* file = ws.authProfile(name);
        if (!file) {
            QStringList names;
            for (const auto& f : ws.authProfiles)
                names << f.name;
            loaded.error = QStringLiteral("the workspace has no OAuth profile \"%1\" (it has: %2)")
                               .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
            return loaded;
        }
        QString error;
        const auto profile = OAuthProfile::fromJson(file->json, &error);
        if (!profile) {
            loaded.error = QStringLiteral("auth/%1.json: %2").arg(file->slug, error);
            return loaded;
        }
        p = *profile;
        if (p.name.isEmpty())
            p.name = file->name;
        const QString envName = isSet(m_env) ? value(m_env) : ws.defaultEnvironment;
        if (!envName.isEmpty()) {
            const Environment* env = ws.environment(envName);
            if (!env) {
                loaded.error = QStringLiteral("the workspace has no environment \"%1\"").arg(envName);
                return loaded;
            }
            for (const Variable& v : env->variables) {
                if (v.enabled && !v.secret)
                    variables.insert(v.key, v.value);
            }
        }
    } else {
        loaded.workspaceId = QStringLiteral("cli");
    }

    auto set = [&isSet, &value](const QCommandLineOption& option, QString& field) {
        if (isSet(option))
            field = value(option);
    };
    set(m_tokenUrl, p.tokenUrl);
    set(m_issuer, p.issuer);
    set(m_clientId, p.clientId);
    set(m_username, p.username);
    set(m_scope, p.scope);
    set(m_authorizeUrl, p.authorizeUrl);
    set(m_deviceUrl, p.deviceAuthorizationUrl);
    set(m_revokeUrl, p.revocationUrl);
    set(m_introspectUrl, p.introspectionUrl);
    if (isSet(m_grant)) {
        const auto grant = OAuthProfile::grantTypeFromName(value(m_grant));
        if (!grant) {
            loaded.error = QStringLiteral("unknown --grant \"%1\" (authorization_code, client_credentials, password, "
                                          "device_code, refresh_token)")
                               .arg(value(m_grant));
            return loaded;
        }
        p.grantType = *grant;
    } else if (!isSet(m_workspace)) {
        // Inline without --grant: the seed's flow when a username is given, else client credentials.
        p.grantType =
            p.username.isEmpty() ? OAuthProfile::GrantType::ClientCredentials : OAuthProfile::GrantType::Password;
    }
    if (isSet(m_authMethod)) {
        const auto auth = OAuthProfile::clientAuthFromName(value(m_authMethod));
        if (!auth) {
            loaded.error = QStringLiteral("unknown --auth-method \"%1\" (basic or post)").arg(value(m_authMethod));
            return loaded;
        }
        p.clientAuth = *auth;
    }
    for (const QString& param : values(m_param)) {
        const qsizetype eq = param.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            loaded.error = QStringLiteral("--param wants name=value, got \"%1\"").arg(param);
            return loaded;
        }
        p.tokenParams.append({param.left(eq), param.mid(eq + 1)});
    }
    if (isSet(m_clientSecretEnv))
        p.clientSecretRef = QStringLiteral("env:") + value(m_clientSecretEnv);
    if (isSet(m_passwordEnv))
        p.passwordRef = QStringLiteral("env:") + value(m_passwordEnv);
    if (isSet(m_refreshTokenEnv))
        p.refreshTokenRef = QStringLiteral("env:") + value(m_refreshTokenEnv);
    if (isSet(m_clientSecretStdin) && isSet(m_passwordStdin)) {
        loaded.error = QStringLiteral("only one of --client-secret-stdin and --password-stdin can read stdin");
        return loaded;
    }
    if (isSet(m_clientSecretStdin) || isSet(m_passwordStdin)) {
        const QString ref =
            isSet(m_clientSecretStdin) ? QStringLiteral("mem:client_secret") : QStringLiteral("mem:password");
        loaded.transientSecrets.insert(ref, QString::fromUtf8(readStdin()));
        (isSet(m_clientSecretStdin) ? p.clientSecretRef : p.passwordRef) = ref;
    }

    if (!name.isEmpty())
        p.name = name;
    if (p.name.isEmpty()) {
        // Inline profiles get a stable name from what identifies them, so `token show` finds what `get` saved.
        const QByteArray identity = (p.tokenUrl + u'|' + p.issuer + u'|' + p.clientId + u'|' +
                                     OAuthProfile::grantTypeName(p.grantType) + u'|' + p.username)
                                        .toUtf8();
        p.name = QStringLiteral("inline-") +
                 QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(12));
    }

    VariableResolver resolver;
    resolver.setLayer(VariableResolver::environmentLayer(), variables);
    QString firstError;
    p = p.mapStrings([&resolver, &firstError](const QString& text) {
        const auto result = resolver.resolve(text, QStringLiteral("the OAuth profile"));
        if (!result.ok() && firstError.isEmpty())
            firstError = result.error->message();
        return result.ok() ? result.text : text;
    });
    if (!firstError.isEmpty()) {
        loaded.error = firstError;
        return loaded;
    }
    const QStringList problems = p.problems();
    if (!problems.isEmpty())
        loaded.error = QStringLiteral("profile \"%1\": %2").arg(p.name, problems.join(QStringLiteral("; ")));
    return loaded;
}

} // namespace tb::cli
