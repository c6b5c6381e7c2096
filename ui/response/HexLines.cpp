#include "HexLines.h"

namespace tb::ui {

QString HexLines::lineText(qsizetype line) const
{
    static constexpr char kDigits[] = "0123456789abcdef";
    const qsizetype start = line * kBytesPerLine;
    const qsizetype count = qMin<qsizetype>(kBytesPerLine, m_body.size() - start);
    if (line < 0 || count <= 0)
        return {};
    QString text = QStringLiteral("%1  ").arg(start, 8, 16, QLatin1Char('0'));
    QString ascii;
    for (qsizetype i = 0; i < kBytesPerLine; ++i) {
        if (i < count) {
            const auto b = uchar(m_body.at(start + i));
            text += QLatin1Char(kDigits[b >> 4]);
            text += QLatin1Char(kDigits[b & 0xf]);
            ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
        } else {
            text += QLatin1String("  ");
        }
        text += QLatin1Char(' ');
        if (i == 7)
            text += QLatin1Char(' ');
    }
    return text + QLatin1String(" |") + ascii + QLatin1Char('|');
}

} // namespace tb::ui
