#pragma once

#include "response/JsonColors.h"

#include <QSyntaxHighlighter>

namespace tb::ui {

// Colours JSON in editable text (the request body editor); the big response view colours its own lines.
class JsonSyntaxHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonSyntaxHighlighter)

public:
    JsonSyntaxHighlighter(QTextDocument* document, const QPalette& palette);

protected:
    void highlightBlock(const QString& text) override;

private:
    JsonColors m_colors;
};

} // namespace tb::ui
