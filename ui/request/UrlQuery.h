#pragma once

#include "http/RequestSpec.h"

namespace tb::ui {

// Keeps the Params table and the URL line in step. Works on the text as typed: no percent-decoding, so
// {{variables}} and the user's own encoding survive a round trip.
class UrlQuery
{
public:
    // The rows of the URL's query (between '?' and '#'), all enabled.
    static QList<KeyValueRow> rows(QStringView url);
    // The URL with its query replaced by the enabled rows (disabled rows are not part of the URL).
    static QString withRows(QStringView url, const QList<KeyValueRow>& rows);
};

} // namespace tb::ui
