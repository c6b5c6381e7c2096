#pragma once

#include "auth/OAuthProfile.h"
#include "secrets/SecretStoreSelector.h"

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
    // `send` has --workspace and --environment NAME of its own (its --env names a file of variables): there the
    // environment option is --environment and addTo() leaves both to the send parser.
    enum class For
    {
        Token,
        Send
    };
    explicit ProfileOptions(For command = For::Token);

    void addTo(QCommandLineParser& parser);

    // The options as given on one command line, kept after the parser is gone (send loads the profile later, once
    // it knows which one its request needs).
    struct Given
    {
        QHash<QString, QStringList> values; // option name -> values, only for options that were set
    };
    Given given(const QCommandLineParser& parser) const;
    // Whether the command line names a profile: --profile, or an inline one (--token-url / --issuer).
    bool namesProfile(const Given& given) const;

    struct Loaded
    {
        OAuthProfile profile;
        QString workspaceId;
        QHash<QString, QString> transientSecrets; // "mem:" references -> values read from stdin
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    // Reads the workspace (if any), applies inline options, resolves {{variables}} from the environment.
    // `profileName` (a saved request's OAuth 2 profile) stands for --profile when that is not given.
    Loaded load(const QCommandLineParser& parser) const { return load(given(parser)); }
    Loaded load(const Given& given, const QString& profileName = {}) const;

    // Where secrets live for this run: --ephemeral, --no-keychain, --vault FILE.
    SecretStoreSelector::Options storeOptions(const Given& given) const;
    SecretStoreSelector::Options storeOptions(const QCommandLineParser& parser) const
    {
        return storeOptions(given(parser));
    }

    // The id that namespaces a workspace's secrets: its own id, else its folder.
    static QString workspaceId(const QString& dir, const QString& id);

private:
    QList<const QCommandLineOption*> all() const;

    For m_for;
    QCommandLineOption m_workspace{QStringLiteral("workspace"), QStringLiteral("Workspace folder."),
                                   QStringLiteral("dir")};
    QCommandLineOption m_profile{QStringLiteral("profile"),
                                 QStringLiteral("OAuth profile name (workspace/auth/<name>.json)."),
                                 QStringLiteral("name")};
    QCommandLineOption m_env; // --env NAME (token), --environment NAME (send)
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
