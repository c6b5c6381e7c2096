#pragma once

#include "workspace/CollectionItem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace tb {

// JSON shapes of the workspace files, one function pair per part. Defaults are left out (a GET with no body is
// three lines), so files stay short and a diff shows only what the user changed. Unknown enum names are reported in
// problems and replaced by the default rather than failing the whole file.
class WorkspaceCodec
{
public:
    static QJsonObject authToJson(const AuthSpec& auth);
    static AuthSpec authFromJson(const QJsonObject& json, QStringList& problems);

    static QJsonArray variablesToJson(const VariableList& variables);
    static VariableList variablesFromJson(const QJsonArray& json);

    static QJsonArray rowsToJson(const QList<KeyValueRow>& rows);
    static QList<KeyValueRow> rowsFromJson(const QJsonArray& json);

    static QJsonObject bodyToJson(const RequestBody& body);
    static RequestBody bodyFromJson(const QJsonObject& json, QStringList& problems);

    static QJsonObject optionsToJson(const RequestOptions& options);
    static RequestOptions optionsFromJson(const QJsonObject& json, QStringList& problems);

    static QJsonObject scriptsToJson(const Scripts& scripts);
    static Scripts scriptsFromJson(const QJsonObject& json);

    // A <slug>.request.json file.
    static QJsonObject requestToJson(const CollectionItem& item);
    static CollectionItem requestFromJson(const QJsonObject& json, QStringList& problems);

    // The common part of collection.json and folder.json (name, description, auth, variables, scripts).
    static QJsonObject containerToJson(const QString& name, const QString& description, const AuthSpec& auth,
                                       const VariableList& variables, const Scripts& scripts);
};

} // namespace tb
