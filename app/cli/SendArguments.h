#pragma once

#include "cli/ExitCodes.h"
#include "cli/ProfileOptions.h"
#include "http/RequestSpec.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tb::cli {

// `tokenbench-cli send` arguments, parsed into a request as written (variables not yet resolved) and output
// choices. Parsing reads the files named with @FILE and --env, so that a missing one fails before anything is
// sent.
struct SendArguments
{
    RequestSpec request;
    QHash<QString, QString> environment; // --env FILE.json: the environment layer
    QHash<QString, QString> variables;   // --var k=v: the request layer (wins)
    // --profile NAME or inline profile options (as for `token`): the request's auth becomes that OAuth 2 profile's
    // token. Also where the store options (--ephemeral, --no-keychain, --vault) are.
    ProfileOptions::Given profile;
    QString workspace;       // --workspace DIR: the positional argument is a saved request's path, not a URL
    QString environmentName; // --environment NAME: the workspace environment (default: the workspace's default)
    QString outputPath;      // --output; empty: stdout
    bool include = false;
    bool fail = false;
    bool jsonOut = false;
    bool verbose = false;

    struct Result;
    static Result parse(const QStringList& arguments);
    static QString helpText();
};

struct SendArguments::Result
{
    SendArguments arguments;
    bool help = false;
    ExitCode exitCode = Ok; // not Ok: print error and exit with it
    QString error;
};

} // namespace tb::cli
