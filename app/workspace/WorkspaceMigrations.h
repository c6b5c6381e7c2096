#pragma once

#include <QJsonObject>

namespace tb {

// Upgrades the JSON of workspace files written by an older format version, one step per version, before the codec
// reads them. The next save writes the current version. History of the format:
//   1  request files held "params" and "headers" as a JSON object {name: value} (no repeated names, no disabled rows)
//   2  "query" and "headers" are lists of {name, value, enabled} rows (current)
class WorkspaceMigrations
{
public:
    static constexpr int kCurrentVersion = 2;

    static QJsonObject migrateRequest(QJsonObject json, int fromVersion);
};

} // namespace tb
