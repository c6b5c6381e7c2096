#pragma once

#include "http/ResponseRecord.h"

#include <QString>

namespace tb::cli {

// Every exit status of tokenbench-cli, in one place (listed by --help and in the README). Where curl has a code
// for the same failure we use curl's number, so scripts that know curl read ours the same way.
enum ExitCode : int
{
    Ok = 0,
    Failure = 1,            // an unexpected error
    Usage = 2,              // unknown option, missing or malformed argument, unknown command
    InvalidRequest = 3,     // malformed URL, method, header or proxy (curl 3)
    UnresolvedVariable = 4, // a {{variable}} has no value; nothing was sent
    Proxy = 5,              // the proxy failed (curl 5)
    Connection = 7,         // host not found, connection refused or reset (curl 7)
    Protocol = 8,           // the server broke HTTP: no reply, closed mid-response (curl 8)
    Auth = 9,               // no credentials could be obtained (e.g. a token fetch failed)
    HttpError = 22,         // --fail and the status was not 2xx (curl 22)
    WriteError = 23,        // --output could not be written (curl 23)
    ReadError = 26,         // a file to send (@FILE, --env) could not be read (curl 26)
    Timeout = 28,           // connect or total timeout (curl 28)
    Tls = 35,               // TLS handshake failed or certificate not trusted (curl 35)
    TooManyRedirects = 47,  // more redirects than --max-redirects (curl 47)
};

ExitCode exitCodeFor(ResponseRecord::ErrorKind kind);

// "Exit codes:\n  0   ...\n" for --help.
QString exitCodesHelp();

} // namespace tb::cli
