#include "workspace/JsonFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace tb {

namespace {

// Keys a reader looks for first, in the order they read best. Anything else follows alphabetically.
constexpr const char16_t* kKeyOrder[] = {
    u"formatVersion", u"id",      u"name",    u"key",       u"value",   u"type",     u"secret", u"enabled",
    u"description",   u"method",  u"url",     u"query",     u"headers", u"body",     u"mode",   u"contentType",
    u"text",          u"fields",  u"parts",   u"file",      u"auth",    u"location", u"token",  u"username",
    u"password",      u"profile", u"options", u"variables", u"scripts", u"order",
};

int keyRank(const QString& key)
{
    for (int i = 0; i < int(std::size(kKeyOrder)); ++i) {
        if (key == QStringView(kKeyOrder[i])) {
            return i;
        }
    }
    return int(std::size(kKeyOrder));
}

void appendString(QByteArray& out, const QString& s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendNumber(QByteArray& out, double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
        out += QByteArray::number(static_cast<qint64>(d));
    } else if (std::isfinite(d)) {
        out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    } else {
        out += "null"; // JSON has no NaN or infinity
    }
}

void appendValue(QByteArray& out, const QJsonValue& value, int depth)
{
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closing(2 * depth, ' ');
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            break;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            appendValue(out, array.at(i), depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += closing;
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            break;
        }
        QStringList keys = object.keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString& a, const QString& b) {
            const int ra = keyRank(a);
            const int rb = keyRank(b);
            return ra != rb ? ra < rb : a < b;
        });
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent;
            appendString(out, keys.at(i));
            out += ": ";
            appendValue(out, object.value(keys.at(i)), depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closing;
        out += '}';
        break;
    }
    }
}

} // namespace

QByteArray JsonFile::serialize(const QJsonValue& value)
{
    QByteArray out;
    appendValue(out, value, 0);
    out += '\n';
    return out;
}

JsonFile::ReadResult JsonFile::parse(const QByteArray& bytes, const QString& path)
{
    ReadResult result;
    QJsonParseError error;
    result.document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonParseError gives a byte offset; people and editors want a line and a column (in characters).
        const QByteArray before = bytes.left(error.offset);
        const qsizetype lastNewline = before.lastIndexOf('\n');
        const int line = int(before.count('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(lastNewline + 1)).size()) + 1;
        result.issue = FileIssue{path, line, column, error.errorString()};
        result.document = {};
        return result;
    }
    if (!result.document.isObject()) {
        result.issue = FileIssue{path, 1, 1, QStringLiteral("expected a JSON object")};
        result.document = {};
    }
    return result;
}

JsonFile::ReadResult JsonFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadResult result;
        result.issue = FileIssue{path, 0, 0, file.errorString()};
        return result;
    }
    return parse(file.readAll(), path);
}

JsonFile::WriteResult JsonFile::writeIfChanged(const QString& path, const QByteArray& bytes)
{
    {
        QFile existing(path);
        if (existing.size() == bytes.size() && existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes) {
            return {WriteOutcome::Unchanged, {}};
        }
    }
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return {WriteOutcome::Failed, QStringLiteral("%1: cannot create the folder").arg(path)};
    }
    if (info.exists()) {
        // Replacing the user's file: QSaveFile writes a temporary file, syncs it and renames it over the old one,
        // so the old content survives a crash at any point.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            return {WriteOutcome::Failed, QStringLiteral("%1: %2").arg(path, file.errorString())};
        }
        return {WriteOutcome::Written, {}};
    }
    // A new file has no old content to protect: it is written in place, without the temporary file and the sync
    // per file that made importing 2,000 requests take seconds. NewOnly: never over a file that appeared meanwhile.
    // A crash mid-write leaves a truncated new file, which the next load reports with its position.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(bytes) != bytes.size()) {
        return {WriteOutcome::Failed, QStringLiteral("%1: %2").arg(path, file.errorString())};
    }
    return {WriteOutcome::Written, {}};
}

} // namespace tb
