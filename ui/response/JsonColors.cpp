#include "JsonColors.h"

namespace tb::ui {

JsonColors::JsonColors(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x45, 0x8f));
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_keyword.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(palette.color(QPalette::Disabled, QPalette::Text));
}

QList<QTextLayout::FormatRange> JsonColors::formats(QStringView line) const
{
    QList<QTextLayout::FormatRange> ranges;
    const qsizetype n = line.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = line[i];
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && line[j] != u'"')
                j += line[j] == u'\\' ? 2 : 1;
            j = qMin(j + 1, n);
            // A string followed by ':' is a key.
            qsizetype k = j;
            while (k < n && line[k].isSpace())
                ++k;
            const bool isKey = k < n && line[k] == u':';
            ranges.append({int(i), int(j - i), isKey ? m_key : m_string});
            i = j;
        } else if (c.isDigit() || c == u'-') {
            qsizetype j = i + 1;
            while (j < n && (line[j].isDigit() || line[j] == u'.' || line[j] == u'e' || line[j] == u'E' ||
                             line[j] == u'+' || line[j] == u'-'))
                ++j;
            ranges.append({int(i), int(j - i), m_number});
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && line[j].isLetter())
                ++j;
            const QStringView word = line.mid(i, j - i);
            if (word == u"true" || word == u"false" || word == u"null")
                ranges.append({int(i), int(j - i), m_keyword});
            i = j;
        } else if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':') {
            ranges.append({int(i), 1, m_punctuation});
            ++i;
        } else {
            ++i;
        }
    }
    return ranges;
}

} // namespace tb::ui
