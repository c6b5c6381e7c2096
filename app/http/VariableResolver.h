#pragma once

#include "http/RequestSpec.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace tb {

// Why a text could not be resolved: an unknown variable (or a cycle), and where it is used.
struct VariableError
{
    QString variable; // the name inside {{ }}
    QString where;    // e.g. "URL", "header 'X-Trace'", "the value of variable 'base' (used in URL)"
    bool cycle = false;

    // One line for the user: "unknown variable 'host' in URL".
    QString message() const;

    friend bool operator==(const VariableError&, const VariableError&) = default;
};

// Replaces {{name}} with values from ordered layers: later layers win (globals < environment < collection <
// request). Values may themselves contain {{variables}} (resolved recursively; a cycle is an error).
// Spaces inside the braces are ignored ({{ host }}). "\{{" is a literal "{{" (the backslash is dropped); a "{{"
// with no closing "}}" is literal text.
class VariableResolver
{
public:
    // Conventional layer names, lowest priority first.
    static QString globalsLayer() { return QStringLiteral("globals"); }
    static QString environmentLayer() { return QStringLiteral("environment"); }
    static QString collectionLayer() { return QStringLiteral("collection"); }
    static QString requestLayer() { return QStringLiteral("request"); }

    // Adds a layer above the ones already added (replaces the values of an existing layer of that name in place).
    void setLayer(const QString& name, const QHash<QString, QString>& values);
    QStringList layerNames() const;

    // The raw (unresolved) value and the layer it comes from, after priority.
    std::optional<QString> rawValue(const QString& name, QString* layer = nullptr) const;

    struct Result
    {
        QString text;
        std::optional<VariableError> error;
        bool ok() const { return !error.has_value(); }
    };
    // `where` names the place for error messages ("URL", "header 'Accept'").
    Result resolve(QStringView text, const QString& where) const;

    struct RequestResult
    {
        RequestSpec request;
        std::optional<VariableError> error;
        bool ok() const { return !error.has_value(); }
    };
    // Resolves every field that is sent: method, URL, enabled query params and headers, the body (text, rows,
    // file paths, content type), auth fields and the proxy URL. Disabled rows are left as written.
    RequestResult resolve(const RequestSpec& request) const;

    // Names used in text, in order of appearance, without duplicates (e.g. for highlighting unknown ones).
    static QStringList variablesIn(QStringView text);

private:
    struct Layer
    {
        QString name;
        QHash<QString, QString> values;
    };
    bool resolveInto(QStringView text, const QString& where, QStringList& chain, QString& out,
                     std::optional<VariableError>& error) const;

    QList<Layer> m_layers;
};

} // namespace tb
