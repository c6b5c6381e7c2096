#include "server/api/PyJson.h"

#include <QLocale>
#include <QStringDecoder>

#include <cmath>

namespace tb::server {

QString PyValue::typeName() const
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("NoneType");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Int:
        return QStringLiteral("int");
    case Type::Float:
        return QStringLiteral("float");
    case Type::String:
        return QStringLiteral("str");
    case Type::List:
        return QStringLiteral("list");
    case Type::Dict:
        return QStringLiteral("dict");
    }
    return {};
}

const PyValue* PyValue::member(QStringView key) const
{
    for (const auto& [name, value] : members) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

namespace {

struct Failure
{
    QString message;
    qsizetype pos;
};

struct StopIteration
{
    qsizetype pos;
};

// Positions count code points, as Python's str indices do.
class Parser
{
public:
    explicit Parser(std::u32string text) : s(std::move(text)) {}

    std::u32string s;

    qsizetype size() const { return qsizetype(s.size()); }
    char32_t at(qsizetype i) const { return i < size() ? s[size_t(i)] : 0; }
    static bool isWs(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    qsizetype skipWs(qsizetype i) const
    {
        while (i < size() && isWs(s[size_t(i)])) {
            ++i;
        }
        return i;
    }
    bool startsWith(qsizetype i, const char* literal) const
    {
        for (qsizetype k = 0; literal[k]; ++k) {
            if (at(i + k) != char32_t(literal[k])) {
                return false;
            }
        }
        return true;
    }

    PyValue scanOnce(qsizetype& end, qsizetype idx)
    {
        if (idx >= size()) {
            throw StopIteration{idx};
        }
        const char32_t c = s[size_t(idx)];
        if (c == '"') {
            PyValue v;
            v.type = PyValue::Type::String;
            v.text = scanString(end, idx + 1);
            return v;
        }
        if (c == '{') {
            return parseObject(end, idx + 1);
        }
        if (c == '[') {
            return parseArray(end, idx + 1);
        }
        if (c == 'n' && startsWith(idx, "null")) {
            end = idx + 4;
            return {};
        }
        if (c == 't' && startsWith(idx, "true")) {
            end = idx + 4;
            PyValue v;
            v.type = PyValue::Type::Bool;
            v.boolean = true;
            return v;
        }
        if (c == 'f' && startsWith(idx, "false")) {
            end = idx + 5;
            PyValue v;
            v.type = PyValue::Type::Bool;
            return v;
        }
        for (const char* constant : {"NaN", "Infinity", "-Infinity"}) {
            if (startsWith(idx, constant)) {
                throw Failure{QStringLiteral("Out of range float values are not JSON compliant: '%1'")
                                  .arg(QString::fromLatin1(constant)),
                              -1};
            }
        }
        return parseNumber(end, idx);
    }

    PyValue parseNumber(qsizetype& end, qsizetype idx)
    {
        qsizetype i = idx;
        if (at(i) == '-') {
            ++i;
        }
        if (at(i) == '0') {
            ++i;
        } else if (at(i) >= '1' && at(i) <= '9') {
            while (at(i) >= '0' && at(i) <= '9') {
                ++i;
            }
        } else {
            throw StopIteration{idx};
        }
        bool isFloat = false;
        if (at(i) == '.' && at(i + 1) >= '0' && at(i + 1) <= '9') {
            isFloat = true;
            i += 2;
            while (at(i) >= '0' && at(i) <= '9') {
                ++i;
            }
        }
        if ((at(i) == 'e' || at(i) == 'E')) {
            qsizetype j = i + 1;
            if (at(j) == '+' || at(j) == '-') {
                ++j;
            }
            if (at(j) >= '0' && at(j) <= '9') {
                while (at(j) >= '0' && at(j) <= '9') {
                    ++j;
                }
                isFloat = true;
                i = j;
            }
        }
        const QString literal = QString::fromUcs4(s.data() + idx, i - idx);
        end = i;
        PyValue v;
        if (isFloat) {
            v.type = PyValue::Type::Float;
            const double d = literal.toDouble();
            if (std::isinf(d)) {
                v.text = d > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
            } else {
                // Python's repr: shortest round-trip form, with ".0" on integral values.
                v.text = QString::number(d, 'g', QLocale::FloatingPointShortest);
                if (!v.text.contains(u'.') && !v.text.contains(u'e')) {
                    v.text += QStringLiteral(".0");
                }
            }
        } else {
            v.type = PyValue::Type::Int;
            v.text = literal == u"-0" ? QStringLiteral("0") : literal;
        }
        return v;
    }

    QString scanString(qsizetype& end, qsizetype pos)
    {
        const qsizetype begin = pos - 1;
        std::u32string out;
        for (;;) {
            if (pos >= size()) {
                throw Failure{QStringLiteral("Unterminated string starting at"), begin};
            }
            const char32_t c = s[size_t(pos)];
            if (c == '"') {
                end = pos + 1;
                return QString::fromUcs4(out.data(), qsizetype(out.size()));
            }
            if (c < 0x20) {
                throw Failure{QStringLiteral("Invalid control character at"), pos};
            }
            if (c != '\\') {
                out.push_back(c);
                ++pos;
                continue;
            }
            if (pos + 1 >= size()) {
                throw Failure{QStringLiteral("Unterminated string starting at"), begin};
            }
            const char32_t e = s[size_t(pos + 1)];
            switch (e) {
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '/':
                out.push_back('/');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                char32_t unit = hex4(pos + 2, pos + 1);
                pos += 6;
                if (unit >= 0xd800 && unit <= 0xdbff && at(pos) == '\\' && at(pos + 1) == 'u') {
                    const char32_t low = hex4(pos + 2, pos + 1);
                    if (low >= 0xdc00 && low <= 0xdfff) {
                        unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                        pos += 6;
                    }
                }
                out.push_back(unit);
                continue;
            }
            default:
                throw Failure{QStringLiteral("Invalid \\escape"), pos};
            }
            pos += 2;
        }
    }

    char32_t hex4(qsizetype from, qsizetype errorPos) const
    {
        char32_t value = 0;
        for (qsizetype k = 0; k < 4; ++k) {
            const char32_t c = at(from + k);
            int digit = -1;
            if (c >= '0' && c <= '9') {
                digit = int(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                digit = int(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                digit = int(c - 'A' + 10);
            }
            if (digit < 0) {
                throw Failure{QStringLiteral("Invalid \\uXXXX escape"), errorPos};
            }
            value = value * 16 + char32_t(digit);
        }
        return value;
    }

    PyValue parseObject(qsizetype& endOut, qsizetype end)
    {
        PyValue object;
        object.type = PyValue::Type::Dict;
        end = skipWs(end);
        if (at(end) == '}' && end < size()) {
            endOut = end + 1;
            return object;
        }
        if (at(end) != '"' || end >= size()) {
            throw Failure{QStringLiteral("Expecting property name enclosed in double quotes"), end};
        }
        ++end;
        for (;;) {
            QString key = scanString(end, end);
            end = skipWs(end);
            if (at(end) != ':' || end >= size()) {
                throw Failure{QStringLiteral("Expecting ':' delimiter"), end};
            }
            end = skipWs(end + 1);
            PyValue value;
            try {
                value = scanOnce(end, end);
            } catch (const StopIteration& stop) {
                throw Failure{QStringLiteral("Expecting value"), stop.pos};
            }
            bool replaced = false;
            for (auto& member : object.members) {
                if (member.first == key) {
                    member.second = value;
                    replaced = true;
                }
            }
            if (!replaced) {
                object.members.append({key, value});
            }
            end = skipWs(end);
            const char32_t next = end < size() ? at(end) : 0;
            ++end;
            if (next == '}') {
                break;
            }
            if (next != ',') {
                throw Failure{QStringLiteral("Expecting ',' delimiter"), end - 1};
            }
            end = skipWs(end);
            const char32_t quote = end < size() ? at(end) : 0;
            ++end;
            if (quote != '"') {
                throw Failure{QStringLiteral("Expecting property name enclosed in double quotes"), end - 1};
            }
        }
        endOut = end;
        return object;
    }

    PyValue parseArray(qsizetype& endOut, qsizetype end)
    {
        PyValue array;
        array.type = PyValue::Type::List;
        end = skipWs(end);
        if (end < size() && at(end) == ']') {
            endOut = end + 1;
            return array;
        }
        for (;;) {
            try {
                array.items.append(scanOnce(end, end));
            } catch (const StopIteration& stop) {
                throw Failure{QStringLiteral("Expecting value"), stop.pos};
            }
            end = skipWs(end);
            const char32_t next = end < size() ? at(end) : 0;
            ++end;
            if (next == ']') {
                break;
            }
            if (next != ',') {
                throw Failure{QStringLiteral("Expecting ',' delimiter"), end - 1};
            }
            end = skipWs(end);
        }
        endOut = end;
        return array;
    }

    QString locate(const QString& message, qsizetype pos) const
    {
        qsizetype line = 1;
        qsizetype lastNewline = -1;
        for (qsizetype i = 0; i < pos && i < size(); ++i) {
            if (s[size_t(i)] == '\n') {
                ++line;
                lastNewline = i;
            }
        }
        return QStringLiteral("%1: line %2 column %3 (char %4)").arg(message).arg(line).arg(pos - lastNewline).arg(pos);
    }
};

} // namespace

PyJson::Result PyJson::parse(const QByteArray& utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(utf8);
    if (decoder.hasError()) {
        return {std::nullopt, QStringLiteral("'utf-8' codec can't decode the request body: invalid UTF-8")};
    }
    Parser parser(text.toStdU32String());
    // Python's json.loads drops a leading byte order mark only for bytes input; DRF decodes first, so a BOM
    // is an unexpected character like any other.
    try {
        qsizetype end = 0;
        const qsizetype start = parser.skipWs(0);
        PyValue value;
        try {
            value = parser.scanOnce(end, start);
        } catch (const StopIteration& stop) {
            throw Failure{QStringLiteral("Expecting value"), stop.pos};
        }
        end = parser.skipWs(end);
        if (end != parser.size()) {
            throw Failure{QStringLiteral("Extra data"), end};
        }
        return {value, {}};
    } catch (const Failure& failure) {
        return {std::nullopt, failure.pos < 0 ? failure.message : parser.locate(failure.message, failure.pos)};
    }
}

} // namespace tb::server
