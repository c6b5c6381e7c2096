#include "interop/FormEncoding.h"

#include <QUrl>

namespace tb {

namespace {

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Characters that may appear unencoded in a form body a browser or a careful person wrote.
bool isFormChar(QChar c)
{
    if (c.unicode() <= 0x20 || c.unicode() >= 0x7f) {
        return false;
    }
    return !QStringView(u"\"{}<>\\^`|#").contains(c);
}

} // namespace

QString FormEncoding::encode(const QString& text)
{
    QByteArray encoded = QUrl::toPercentEncoding(text, " *");
    encoded.replace(' ', '+');
    return QString::fromLatin1(encoded);
}

QString FormEncoding::decode(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

std::optional<QList<KeyValueRow>> FormEncoding::parse(const QString& text)
{
    if (text.isEmpty()) {
        return std::nullopt;
    }
    QList<KeyValueRow> rows;
    for (const QString& pair : text.split(u'&')) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            return std::nullopt;
        }
        for (qsizetype i = 0; i < pair.size(); ++i) {
            const QChar c = pair.at(i);
            if (c == u'{' && pair.mid(i, 2) == u"{{") {
                const qsizetype close = pair.indexOf(u"}}", i);
                if (close > i) {
                    i = close + 1; // a {{variable}}: its value is encoded when the request is sent
                    continue;
                }
            }
            if (!isFormChar(c)) {
                return std::nullopt;
            }
            if (c == u'%' && !(i + 2 < pair.size() && isHex(pair.at(i + 1)) && isHex(pair.at(i + 2)))) {
                return std::nullopt;
            }
        }
        rows << KeyValueRow{decode(pair.left(eq)), decode(pair.mid(eq + 1)), true};
    }
    return rows;
}

QString FormEncoding::serialize(const QList<KeyValueRow>& rows)
{
    QStringList pairs;
    for (const KeyValueRow& row : rows) {
        if (row.enabled) {
            pairs << encode(row.name) + u'=' + encode(row.value);
        }
    }
    return pairs.join(u'&');
}

} // namespace tb
