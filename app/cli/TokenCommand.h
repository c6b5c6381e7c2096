#pragma once

#include "cli/ProfileOptions.h"
#include "cli/TokenSession.h"

#include "cli/Command.h"

#include <QCommandLineParser>

namespace tb::cli {

// tokenbench-cli token get|refresh|revoke|introspect|show|clear [profile options] [--reveal]
//   get         a valid access token (the saved one, refreshed or fetched as needed; --force: run the grant anew)
//   refresh     refresh now
//   revoke      revoke refresh and access token at the server (RFC 7009) and drop them here
//   introspect  the server's view of the token (RFC 7662), as it answers (--refresh-token: of the refresh token)
//   show        what is held, no network (JWT header and claims decoded, never "verified")
//   clear       drop the held tokens here, nothing sent
// get and show print state, scope and remaining lifetime; the token itself only with --reveal, and then stdout
// carries just the access token (for scripts: TOKEN=$(tokenbench-cli token get --reveal ...)).
class TokenCommand : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCommand)

public:
    explicit TokenCommand(QObject* parent = nullptr);
    ~TokenCommand() override;

    // `arguments` follow "token": the action, then options.
    void start(const QStringList& arguments) override;

private:
    void run(const QString& action);
    void report(bool reveal);
    void done(int exitCode);

    QCommandLineParser m_parser;
    ProfileOptions m_options;
    TokenSession m_session;
    QCommandLineOption m_reveal{QStringLiteral("reveal"), QStringLiteral("Print the access token (alone, on stdout).")};
    QCommandLineOption m_force{QStringLiteral("force"), QStringLiteral("get: run the grant anew.")};
    QCommandLineOption m_refreshToken{QStringLiteral("refresh-token"),
                                      QStringLiteral("introspect: the refresh token instead of the access token.")};
};

} // namespace tb::cli
