#include "workspace/WorkspaceMigrations.h"

#include <QJsonArray>

namespace tb {

namespace {

QJsonArray rowsFromObject(const QJsonObject& map)
{
    QJsonArray rows;
    for (auto it = map.begin(); it != map.end(); ++it) {
        rows.append(QJsonObject{{QStringLiteral("name"), it.key()}, {QStringLiteral("value"), it.value().toString()}});
    }
    return rows;
}

QJsonObject version1To2(QJsonObject json)
{
    if (json.contains(u"params")) {
        json.insert(QStringLiteral("query"), rowsFromObject(json.take(u"params").toObject()));
    }
    if (json.value(u"headers").isObject()) {
        json.insert(QStringLiteral("headers"), rowsFromObject(json.value(u"headers").toObject()));
    }
    return json;
}

} // namespace

QJsonObject WorkspaceMigrations::migrateRequest(QJsonObject json, int fromVersion)
{
    if (fromVersion < 2) {
        json = version1To2(std::move(json));
    }
    return json;
}

} // namespace tb
