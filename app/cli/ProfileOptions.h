#pragma once

#include "auth/OAuthProfile.h"

#include <QCommandLineParser>
#include <QHash>
#include <QString>

namespace tb::cli {

// The options that say which OAuth profile a command works with: a saved one (--workspace DIR --profile NAME,
// workspace/auth/<name>.json) or one written inline (--token-url, --grant, --client-id, ...), inline options
// overriding saved fields. Secrets never come as plain arguments (shell history, `ps`): only from environment
// variables named on the command line (--client-secret-env VAR), from stdin (--client-secret-stdin), or from the
// secret store (the profile's references).
class ProfileOptions
{
public:
    void addTo(QCommandLineParser& parser);

    struct Loaded
    {
        OAuthProfile profile;
        QString workspaceId;
        QHash<QString, QString> transientSecrets; // "mem:" references -> values read from stdin
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    // Reads the workspace (if any), applies inline options, resolves {{variables}} from the environment.
    Loaded load(const QCommandLineParser& parser) const;

    bool ephemeral(const QCommandLineParser& parser) const { return parser.isSet(m_ephemeral); }
    bool noKeychain(const QCommandLineParser& parser) const { return parser.isSet(m_noKeychain); }
    QString vaultPath(const QCommandLineParser& parser) const { return parser.value(m_vault); }

private:
    QCommandLineOption m_workspace{QStringLiteral("workspace"), QStringLiteral("Workspace folder."),
                                   QStringLiteral("dir")};
    QCommandLineOption m_profile{QStringLiteral("profile"),
                                 QStringLiteral("OAuth profile name (workspace/auth/<name>.json)."),
                                 QStringLiteral("name")};
    QCommandLineOption m_env{QStringLiteral("env"),
                             QStringLiteral("Environment for {{variables}} (default: the "
                                            "workspace's default)."),
                             QStringLiteral("name")};
    QCommandLineOption m_tokenUrl{QStringLiteral("token-url"), QStringLiteral("Token endpoint URL."),
                                  QStringLiteral("url")};
    QCommandLineOption m_issuer{QStringLiteral("issuer"),
                                QStringLiteral("Issuer URL: endpoints by discovery (RFC 8414 / OpenID)."),
                                QStringLiteral("url")};
    QCommandLineOption m_grant{QStringLiteral("grant"),
                               QStringLiteral("authorization_code, client_credentials, password, device_code or "
                                              "refresh_token."),
                               QStringLiteral("grant")};
    QCommandLineOption m_clientId{QStringLiteral("client-id"), QStringLiteral("Client id."), QStringLiteral("id")};
    QCommandLineOption m_clientSecretEnv{QStringLiteral("client-secret-env"),
                                         QStringLiteral("Read the client secret from environment variable VAR."),
                                         QStringLiteral("VAR")};
    QCommandLineOption m_clientSecretStdin{QStringLiteral("client-secret-stdin"),
                                           QStringLiteral("Read the client secret from stdin.")};
    QCommandLineOption m_username{QStringLiteral("username"), QStringLiteral("Username (password grant)."),
                                  QStringLiteral("name")};
    QCommandLineOption m_passwordEnv{QStringLiteral("password-env"),
                                     QStringLiteral("Read the password from environment variable VAR."),
                                     QStringLiteral("VAR")};
    QCommandLineOption m_passwordStdin{QStringLiteral("password-stdin"),
                                       QStringLiteral("Read the password from stdin.")};
    QCommandLineOption m_refreshTokenEnv{QStringLiteral("refresh-token-env"),
                                         QStringLiteral("Refresh token grant: read it from environment variable VAR."),
                                         QStringLiteral("VAR")};
    QCommandLineOption m_scope{QStringLiteral("scope"), QStringLiteral("Scope to ask for."), QStringLiteral("scope")};
    QCommandLineOption m_authMethod{QStringLiteral("auth-method"),
                                    QStringLiteral("Client authentication: basic (default) or post."),
                                    QStringLiteral("method")};
    QCommandLineOption m_param{QStringLiteral("param"),
                               QStringLiteral("Extra token request parameter (audience=..., resource=...); "
                                              "repeatable."),
                               QStringLiteral("k=v")};
    QCommandLineOption m_authorizeUrl{QStringLiteral("authorize-url"), QStringLiteral("Authorization endpoint URL."),
                                      QStringLiteral("url")};
    QCommandLineOption m_deviceUrl{QStringLiteral("device-url"), QStringLiteral("Device authorization endpoint URL."),
                                   QStringLiteral("url")};
    QCommandLineOption m_revokeUrl{QStringLiteral("revoke-url"), QStringLiteral("Revocation endpoint URL."),
                                   QStringLiteral("url")};
    QCommandLineOption m_introspectUrl{QStringLiteral("introspect-url"), QStringLiteral("Introspection endpoint URL."),
                                       QStringLiteral("url")};
    QCommandLineOption m_ephemeral{QStringLiteral("ephemeral"),
                                   QStringLiteral("Keep secrets and tokens in memory for this run only.")};
    QCommandLineOption m_noKeychain{QStringLiteral("no-keychain"),
                                    QStringLiteral("Do not use the system keychain (use the encrypted vault).")};
    QCommandLineOption m_vault{QStringLiteral("vault"), QStringLiteral("Vault file (default: in the data folder)."),
                               QStringLiteral("file")};
};

} // namespace tb::cli
