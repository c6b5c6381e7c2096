#pragma once

#include "http/RequestSpec.h"

#include <QString>

#include <optional>

namespace tb {

// application/x-www-form-urlencoded as browsers and curl write it, for deciding whether a pasted body is a form
// (editable as rows) or opaque text (kept byte for byte).
class FormEncoding
{
public:
    // Unreserved characters stay, a space becomes '+', everything else %XX (UTF-8).
    static QString encode(const QString& text);
    // '+' is a space, %XX a byte of UTF-8.
    static QString decode(const QString& text);
    // "a=1&b=2" as rows, or nothing when the text is not a well-formed form (JSON, free text, raw spaces).
    static std::optional<QList<KeyValueRow>> parse(const QString& text);
    static QString serialize(const QList<KeyValueRow>& rows);
};

} // namespace tb
