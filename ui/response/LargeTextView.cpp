#include "LargeTextView.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <climits>

namespace tb::ui {

namespace {
constexpr int kGutterPadding = 8;
constexpr int kTextPadding = 6;
constexpr qreal kNoWrapWidth = 1e6;
} // namespace

LargeTextView::LargeTextView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("largeTextView"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent); // paintEvent covers it all: nothing behind needs painting
    m_colors = std::make_unique<JsonColors>(palette());
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setSingleStep(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 4);
}

LargeTextView::~LargeTextView() = default;

void LargeTextView::setLines(std::shared_ptr<const TextLines> lines)
{
    m_lines = std::move(lines);
    m_widestLine = 0;
    m_markLine = -1;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void LargeTextView::setWrap(bool wrap)
{
    if (m_wrap == wrap)
        return;
    m_wrap = wrap;
    const qsizetype first = firstVisibleLine();
    updateScrollBars();
    scrollToLine(first);
    viewport()->update();
}

void LargeTextView::setMark(qsizetype line, int column, int length)
{
    m_markLine = line;
    m_markColumn = column;
    m_markLength = length;
    const qsizetype first = firstVisibleLine();
    const qsizetype visible = qMax(1, viewport()->height() / lineHeight());
    if (line < first || line >= first + visible - 1)
        scrollToLine(qMax<qsizetype>(0, line - visible / 3));
    if (!m_wrap) {
        const int x = fontMetrics().horizontalAdvance(QLatin1Char('x')) * column;
        const int textWidth = viewport()->width() - gutterWidth() - kTextPadding;
        auto* h = horizontalScrollBar();
        if (x < h->value() || x > h->value() + textWidth - 40) {
            h->setMaximum(qMax(h->maximum(), x));
            h->setValue(qMax(0, x - textWidth / 3));
        }
    }
    viewport()->update();
}

void LargeTextView::clearMark()
{
    m_markLine = -1;
    viewport()->update();
}

qsizetype LargeTextView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

void LargeTextView::scrollToLine(qsizetype line)
{
    verticalScrollBar()->setValue(int(qBound(qsizetype(0), line, qsizetype(INT_MAX))));
}

int LargeTextView::lineHeight() const
{
    return qMax(1, fontMetrics().lineSpacing());
}

int LargeTextView::gutterWidth() const
{
    const qsizetype count = m_lines ? m_lines->lineCount() : 0;
    return fontMetrics().horizontalAdvance(QString::number(qMax<qsizetype>(count, 9))) + 2 * kGutterPadding;
}

void LargeTextView::updateScrollBars()
{
    const qsizetype count = m_lines ? m_lines->lineCount() : 0;
    const int visible = qMax(1, viewport()->height() / lineHeight());
    auto* v = verticalScrollBar();
    const qsizetype last = m_wrap ? count - 1 : count - visible;
    v->setRange(0, int(qBound(qsizetype(0), last, qsizetype(INT_MAX))));
    v->setPageStep(visible);
    auto* h = horizontalScrollBar();
    const int textWidth = viewport()->width() - gutterWidth() - kTextPadding;
    h->setRange(0, m_wrap ? 0 : qMax(0, m_widestLine - textWidth + kTextPadding));
    h->setPageStep(qMax(1, textWidth));
}

void LargeTextView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(viewport());
    const QRect area = viewport()->rect();
    painter.fillRect(area, palette().base());
    if (!m_lines)
        return;
    const int gutter = gutterWidth();
    painter.fillRect(QRect(0, 0, gutter, area.height()), palette().alternateBase());
    const int textLeft = gutter + kTextPadding;
    const int textWidth = qMax(10, area.width() - textLeft - kTextPadding);
    const int xOffset = m_wrap ? 0 : horizontalScrollBar()->value();
    const int fallbackHeight = lineHeight();
    const QColor numberColor = palette().color(QPalette::Disabled, QPalette::Text);
    QTextCharFormat markFormat;
    markFormat.setBackground(palette().highlight());
    markFormat.setForeground(palette().highlightedText());

    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    int widest = m_widestLine;
    int y = 0;
    for (qsizetype line = firstVisibleLine(); line < m_lines->lineCount() && y < area.height(); ++line) {
        const QString text = m_lines->lineText(line);
        QTextLayout layout(text, font());
        layout.setTextOption(option);
        QList<QTextLayout::FormatRange> formats;
        if (m_lines->isJson())
            formats = m_colors->formats(text);
        if (line == m_markLine && m_markLength > 0)
            formats.append({m_markColumn, m_markLength, markFormat});
        layout.setFormats(formats);
        qreal height = 0;
        layout.beginLayout();
        for (QTextLine textLine = layout.createLine(); textLine.isValid(); textLine = layout.createLine()) {
            textLine.setLineWidth(m_wrap ? textWidth : kNoWrapWidth);
            textLine.setPosition(QPointF(0, height));
            height += textLine.height();
        }
        layout.endLayout();
        if (!m_wrap)
            widest = qMax(widest, int(layout.maximumWidth()));

        painter.save();
        painter.setClipRect(QRect(textLeft, y, area.width() - textLeft, area.height() - y));
        layout.draw(&painter, QPointF(textLeft - xOffset, y));
        painter.restore();
        painter.setPen(numberColor);
        painter.drawText(QRect(0, y, gutter - kGutterPadding, fallbackHeight), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(line + 1));
        y += qMax(fallbackHeight, int(height));
    }
    if (widest > m_widestLine) {
        m_widestLine = widest;
        updateScrollBars();
    }
}

void LargeTextView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LargeTextView::keyPressEvent(QKeyEvent* event)
{
    if (event == QKeySequence::MoveToStartOfDocument) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
        return;
    }
    if (event == QKeySequence::MoveToEndOfDocument) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LargeTextView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_colors = std::make_unique<JsonColors>(palette());
        updateScrollBars();
    }
    QAbstractScrollArea::changeEvent(event);
}

} // namespace tb::ui
