#include "cli/ExitCodes.h"

#include <QTextStream>

namespace tb::cli {

namespace {

struct ExitCodeInfo
{
    ExitCode code;
    const char* meaning;
};

constexpr ExitCodeInfo kExitCodes[] = {
    {Ok, "success: an HTTP response arrived (any status, unless --fail)"},
    {Failure, "unexpected error"},
    {Usage, "usage error: unknown option or command, missing or malformed argument"},
    {InvalidRequest, "malformed URL, method, header or proxy"},
    {UnresolvedVariable, "unknown {{variable}}: nothing was sent"},
    {Proxy, "proxy failure"},
    {Connection, "could not connect: host not found, connection refused or reset"},
    {Protocol, "broken HTTP reply: no response, or closed in the middle of the response"},
    {Auth, "no credentials could be obtained"},
    {HttpError, "--fail and the status was not 2xx"},
    {WriteError, "could not write --output"},
    {ReadError, "could not read a file to send (@FILE, --env)"},
    {Timeout, "timed out (--connect-timeout, --timeout)"},
    {Tls, "TLS handshake failed or certificate not trusted (see --insecure)"},
    {TooManyRedirects, "more redirects than --max-redirects"},
};

} // namespace

ExitCode exitCodeFor(ResponseRecord::ErrorKind kind)
{
    using K = ResponseRecord::ErrorKind;
    switch (kind) {
    case K::None:
        return Ok;
    case K::InvalidRequest:
        return InvalidRequest;
    case K::UnresolvedVariable:
        return UnresolvedVariable;
    case K::File:
        return ReadError;
    case K::Auth:
        return Auth;
    case K::Connection:
        return Connection;
    case K::Tls:
        return Tls;
    case K::Timeout:
        return Timeout;
    case K::Protocol:
        return Protocol;
    case K::TooManyRedirects:
        return TooManyRedirects;
    case K::Proxy:
        return Proxy;
    case K::Canceled:
    case K::Other:
        return Failure;
    }
    return Failure;
}

QString exitCodesHelp()
{
    QString text;
    QTextStream out(&text);
    out << "Exit codes:\n";
    for (const ExitCodeInfo& info : kExitCodes) {
        out << "  " << qSetFieldWidth(4) << Qt::left << int(info.code) << qSetFieldWidth(0) << info.meaning << '\n';
    }
    return text;
}

} // namespace tb::cli
