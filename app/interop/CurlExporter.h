#pragma once

#include "http/RequestSpec.h"

#include <QString>

#include <functional>
#include <optional>

namespace tb {

// Writes one curl command that reproduces a request. {{variables}} are written with the value the caller gives,
// or, when it gives none (a secret not revealed, an unknown variable), as a shell variable: -H "Authorization:
// Bearer $access_token", so the command runs once the variable is exported and never carries the secret itself.
// CurlImporter reads such a command back into the same request. Query parameters use --url-query (curl 7.87+).
class CurlExporter
{
public:
    struct Options
    {
        bool multiline = true; // one option per line with backslash continuations, like "Copy as cURL"
        // The value of a {{variable}}; std::nullopt writes it as $NAME.
        std::function<std::optional<QString>(const QString& name)> value;
        // The shell variable holding an OAuth 2 profile's access token.
        std::function<QString(const QString& profile)> oauthTokenVariable;
    };

    static QString toCommand(const RequestSpec& request, const Options& options);
    static QString toCommand(const RequestSpec& request) { return toCommand(request, Options{}); }

    // A shell variable name for a Tokenbench variable name ([A-Za-z_][A-Za-z0-9_]*).
    static QString shellName(const QString& name);
    // One shell word, quoted only as much as needed ('...' or $'...').
    static QString quote(const QString& text);
};

} // namespace tb
