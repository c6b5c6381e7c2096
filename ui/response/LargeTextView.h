#pragma once

#include "response/JsonColors.h"
#include "response/TextLines.h"

#include <QAbstractScrollArea>

#include <memory>

namespace tb::ui {

// A read-only text view that paints only the lines on screen, so a body of any size scrolls smoothly. The
// vertical scroll bar counts lines (not pixels); with wrapping on, the first visible line is wrapped from the
// top. Lines come from a TextLines (a LineIndex over the body, or a hex dump).
class LargeTextView : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LargeTextView)

public:
    explicit LargeTextView(QWidget* parent = nullptr);
    ~LargeTextView() override;

    void setLines(std::shared_ptr<const TextLines> lines);
    const TextLines* lines() const { return m_lines.get(); }

    void setWrap(bool wrap);
    bool wrap() const { return m_wrap; }

    // Marks characters [column, column + length) of a line (a find match) and scrolls it into view.
    void setMark(qsizetype line, int column, int length);
    void clearMark();
    qsizetype markedLine() const { return m_markLine; }

    qsizetype firstVisibleLine() const;
    void scrollToLine(qsizetype line);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateScrollBars();
    int lineHeight() const;
    int gutterWidth() const;

    std::shared_ptr<const TextLines> m_lines;
    std::unique_ptr<JsonColors> m_colors;
    bool m_wrap = false;
    qsizetype m_markLine = -1;
    int m_markColumn = 0;
    int m_markLength = 0;
    int m_widestLine = 0; // widest line painted so far: the horizontal scroll range grows as lines are seen
};

} // namespace tb::ui
