#pragma once

#include <QByteArray>
#include <QString>

namespace tb::server {

// Streams JSON in one of the two byte layouts the peer uses, with keys in insertion order:
// - Drf: Django REST Framework's renderer, compact separators (',' and ':'), UTF-8 kept as is;
// - Python: json.dumps defaults as used by oauthlib, separators ", " and ": ", non-ASCII escaped as \uXXXX.
class JsonWriter
{
public:
    enum class Style
    {
        Drf,
        Python
    };

    explicit JsonWriter(Style style);

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(QStringView name);
    JsonWriter& value(QStringView text);
    JsonWriter& value(const char* text) { return value(QString::fromUtf8(text)); }
    JsonWriter& value(qint64 number);
    JsonWriter& value(int number) { return value(qint64(number)); }
    JsonWriter& boolean(bool flag); // not an overload of value(): u"" literals would convert to bool
    JsonWriter& null();
    // Shorthand for key(name).value(v).
    template <typename T> JsonWriter& field(QStringView name, const T& v) { return key(name).value(v); }

    QByteArray take() { return std::move(m_out); }

private:
    void separator();
    void writeString(QStringView text);

    Style m_style;
    QByteArray m_out;
    bool m_needComma = false;
    bool m_afterKey = false;
};

} // namespace tb::server
