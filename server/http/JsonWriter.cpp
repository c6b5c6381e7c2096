#include "server/http/JsonWriter.h"

namespace tb::server {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

JsonWriter::JsonWriter(Style style) : m_style(style)
{
    m_out.reserve(256);
}

void JsonWriter::separator()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_needComma) {
        m_out.append(m_style == Style::Python ? ", " : ",");
    }
}

JsonWriter& JsonWriter::beginObject()
{
    separator();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    separator();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::key(QStringView name)
{
    separator();
    writeString(name);
    m_out.append(m_style == Style::Python ? ": " : ":");
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(QStringView text)
{
    separator();
    writeString(text);
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::value(qint64 number)
{
    separator();
    m_out.append(QByteArray::number(number));
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::boolean(bool flag)
{
    separator();
    m_out.append(flag ? "true" : "false");
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separator();
    m_out.append("null");
    m_needComma = true;
    return *this;
}

void JsonWriter::writeString(QStringView text)
{
    m_out.append('"');
    const auto escapeUnit = [this](char16_t unit) {
        m_out.append("\\u");
        m_out.append(kHex[(unit >> 12) & 0xf]);
        m_out.append(kHex[(unit >> 8) & 0xf]);
        m_out.append(kHex[(unit >> 4) & 0xf]);
        m_out.append(kHex[unit & 0xf]);
    };
    qsizetype plainStart = -1;
    const auto flushPlain = [&](qsizetype end) {
        if (plainStart >= 0) {
            m_out.append(text.sliced(plainStart, end - plainStart).toUtf8());
            plainStart = -1;
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            if (plainStart < 0) {
                plainStart = i;
            }
            continue;
        }
        const bool escapeNonAscii = m_style == Style::Python || c == 0x2028 || c == 0x2029;
        if (c >= 0x7f && !escapeNonAscii && c != 0x7f) {
            if (plainStart < 0) {
                plainStart = i;
            }
            continue;
        }
        flushPlain(i);
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        case '\b':
            m_out.append("\\b");
            break;
        case '\f':
            m_out.append("\\f");
            break;
        case 0x7f:
            if (m_style == Style::Python) {
                escapeUnit(c);
            } else {
                m_out.append('\x7f');
            }
            break;
        default:
            escapeUnit(c);
            break;
        }
    }
    flushPlain(text.size());
    m_out.append('"');
}

} // namespace tb::server
