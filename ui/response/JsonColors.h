#pragma once

#include <QList>
#include <QPalette>
#include <QTextCharFormat>
#include <QTextLayout>

namespace tb::ui {

// Colours for JSON text: one tokenizer shared by the big response view and the request body editor's
// JsonSyntaxHighlighter. The colours follow the palette, so they read well in light and dark themes.
class JsonColors
{
public:
    explicit JsonColors(const QPalette& palette);

    // Format ranges for one line of JSON (keys, strings, numbers, true/false/null, punctuation).
    QList<QTextLayout::FormatRange> formats(QStringView line) const;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
};

} // namespace tb::ui
