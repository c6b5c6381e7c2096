#pragma once

#include "http/RequestSpec.h"

#include <QString>
#include <QStringList>

namespace tb {

// Turns a curl command into a RequestSpec. Maps -X, -H, -d/--data/--data-ascii/--data-binary/--data-raw,
// --data-urlencode, --json, -F/--form, --form-string, -u, -b, -A, -e, --compressed, -k, -L/--max-redirs, -G,
// --url, --url-query, -I, -T, -m, --connect-timeout, -x/--noproxy and --oauth2-bearer. An Authorization header
// becomes bearer or basic auth, a form body becomes editable rows when it is a well-formed form, and a Content-Type
// header of a raw body becomes the body's content type. Every flag it cannot map is listed in notes, never dropped
// silently.
class CurlImporter
{
public:
    struct Result
    {
        RequestSpec request;
        QStringList notes; // what was not (or not exactly) imported, one sentence each
        QString error;     // not a curl command, no URL, unterminated quote
        bool ok() const { return error.isEmpty(); }
    };

    static Result fromCommand(const QString& command);
    static Result fromArguments(const QStringList& args);
};

} // namespace tb
