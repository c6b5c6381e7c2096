#pragma once

#include "workspace/History.h"

#include <QString>

namespace tb {

// The history search box: "GET 404 users", "post 2xx /login", "500". A word that is an HTTP method filters by
// method, a three-digit status or a class such as 4xx filters by status, the rest is searched in the URL.
class HistoryFilter
{
public:
    static History::Query parse(const QString& text);
};

} // namespace tb
