#pragma once

#include <QByteArray>
#include <QString>

namespace tb::ui {

// Lines a LargeTextView paints on demand: the view asks only for the lines it shows.
class TextLines
{
public:
    // Longest line text handed to a view; longer lines are cut (the full body can still be saved).
    static constexpr qsizetype kMaxLineChars = 10000;

    virtual ~TextLines() = default;
    virtual qsizetype lineCount() const = 0;
    virtual QString lineText(qsizetype line) const = 0;
    // The line that shows the body byte at offset (find works on the body bytes).
    virtual qsizetype lineAt(qint64 offset) const = 0;
    virtual const QByteArray& body() const = 0;
    // Whether lines are pretty JSON (the view then colours them).
    virtual bool isJson() const { return false; }
};

} // namespace tb::ui
