#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace tb::server {

// A JSON value as Python's json module sees it, with the type names DRF puts in its messages.
struct PyValue
{
    enum class Type
    {
        Null,
        Bool,
        Int,
        Float,
        String,
        List,
        Dict
    };
    Type type = Type::Null;
    bool boolean = false;
    QString text; // String: the value; Int/Float: the literal as Python's str() prints it
    QList<PyValue> items;
    QList<std::pair<QString, PyValue>> members; // Dict, later duplicates replace earlier ones

    QString typeName() const; // "dict", "list", "str", "int", "float", "bool", "NoneType"
    const PyValue* member(QStringView key) const;
};

// A JSON parser whose error messages are CPython's json module's, byte for byte ("Expecting value: line 1
// column 14 (char 13)"), because DRF shows them to clients; NaN and Infinity are refused as DRF does.
class PyJson
{
public:
    struct Result
    {
        std::optional<PyValue> value;
        QString error;
    };
    static Result parse(const QByteArray& utf8);
};

} // namespace tb::server
