#include "JsonSyntaxHighlighter.h"

namespace tb::ui {

JsonSyntaxHighlighter::JsonSyntaxHighlighter(QTextDocument* document, const QPalette& palette)
    : QSyntaxHighlighter(document), m_colors(palette)
{}

void JsonSyntaxHighlighter::highlightBlock(const QString& text)
{
    for (const auto& range : m_colors.formats(text))
        setFormat(range.start, range.length, range.format);
}

} // namespace tb::ui
