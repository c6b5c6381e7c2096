#include "ResponseView.h"

#include "response/BackgroundPool.h"
#include "response/ResponseBodyView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb::ui {

namespace {

// The summary values (status, time, size) change while a response loads. A label whose size hint changes makes
// every enclosing layout run again, and a QTabWidget repaints itself whole whenever a layout inside it runs (with
// Qt 6.4's raster engine a big repaint waits on thread-pool helpers, which a busy machine makes slow). So each
// value label has a fixed size that only grows, starting wide enough for its typical values.
QLabel* valueLabel(const QString& objectName, const QString& accessibleName, const QString& typical, QWidget* parent)
{
    auto* label = new QLabel(typical, parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = label->font();
    bold.setBold(true);
    const QSize hint = label->sizeHint();
    label->setFixedSize(qMax(hint.width(), QFontMetrics(bold).horizontalAdvance(typical) + 4), hint.height());
    label->clear();
    return label;
}

// Grows the label's fixed size when its text no longer fits.
void fitValue(QLabel* label)
{
    const QSize hint = label->sizeHint();
    if (hint.width() > label->width() || hint.height() > label->height())
        label->setFixedSize(qMax(hint.width(), label->width()), qMax(hint.height(), label->height()));
}

void showValue(QLabel* label, const QString& text)
{
    label->setText(text);
    fitValue(label);
}

QPlainTextEdit* readOnlyText(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

constexpr qint64 kProgressIntervalMs = 100;

QString statusColor(int status, bool dark)
{
    if (status >= 500 || status == 0)
        return dark ? QStringLiteral("#ff8a80") : QStringLiteral("#c62828");
    if (status >= 400)
        return dark ? QStringLiteral("#ffb74d") : QStringLiteral("#b45309");
    if (status >= 300)
        return dark ? QStringLiteral("#90caf9") : QStringLiteral("#1565c0");
    return dark ? QStringLiteral("#81c784") : QStringLiteral("#2e7d32");
}

} // namespace

ResponseView::ResponseView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("responseView"));
    m_statusLabel = valueLabel(QStringLiteral("statusLabel"), tr("Status"), tr("No response yet"), this);
    m_timeLabel = valueLabel(QStringLiteral("timeLabel"), tr("Time"), tr("%1 ms").arg(88888), this);
    m_sizeLabel = valueLabel(QStringLiteral("sizeLabel"), tr("Size"),
                             tr("%1 of %2").arg(sizeText(888 << 20), sizeText(888 << 20)), this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("responseErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Error"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    auto* summary = new QHBoxLayout;
    summary->addWidget(m_statusLabel);
    summary->addSpacing(12);
    summary->addWidget(m_timeLabel);
    summary->addSpacing(12);
    summary->addWidget(m_sizeLabel);
    summary->addStretch();

    m_bodyView = new ResponseBodyView(this);
    m_headersTreeWidget = new QTreeWidget(this);
    m_headersTreeWidget->setObjectName(QStringLiteral("responseHeadersTreeWidget"));
    m_headersTreeWidget->setAccessibleName(tr("Response headers"));
    m_headersTreeWidget->setHeaderLabels({tr("Name"), tr("Value")});
    m_headersTreeWidget->setRootIsDecorated(false);
    m_headersTreeWidget->header()->resizeSection(0, 220);
    m_sentPlainTextEdit = readOnlyText(QStringLiteral("sentRequestPlainTextEdit"), tr("Request as sent"), this);
    m_timingsPlainTextEdit = readOnlyText(QStringLiteral("timingsPlainTextEdit"), tr("Timings"), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("responseTabWidget"));
    m_tabs->setAccessibleName(tr("Response parts"));
    m_tabs->addTab(m_bodyView, tr("Body"));
    m_tabs->addTab(m_headersTreeWidget, tr("Headers"));
    m_tabs->addTab(m_sentPlainTextEdit, tr("Request sent"));
    m_tabs->addTab(m_timingsPlainTextEdit, tr("Timings"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(summary);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_tabs, 1);
    clear();
}

ResponseView::~ResponseView() = default;

QString ResponseView::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

void ResponseView::clear()
{
    m_progressShown.invalidate();
    m_bodyReader.reset();
    m_record = {};
    showValue(m_statusLabel, tr("No response yet"));
    m_coloredStatus.reset();
    colorStatus();
    m_timeLabel->clear();
    m_sizeLabel->clear();
    m_errorLabel->hide();
    m_headersTreeWidget->clear();
    m_sentPlainTextEdit->clear();
    m_timingsPlainTextEdit->clear();
    m_bodyView->clear();
}

void ResponseView::colorStatus()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QString styleSheet =
        m_coloredStatus
            ? QStringLiteral("QLabel { font-weight: bold; color: %1; }").arg(statusColor(*m_coloredStatus, dark))
            : QString();
    if (m_statusLabel->styleSheet() != styleSheet)
        m_statusLabel->setStyleSheet(styleSheet); // re-polishing is not free: only when it changes
    fitValue(m_statusLabel);                      // bold is wider
}

void ResponseView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        colorStatus();
}

void ResponseView::setInProgress(qint64 received, qint64 total)
{
    // Progress comes per network chunk, hundreds of times for a big body: a new width for the size label means
    // a new layout and a repaint of the whole response area, so a few updates a second are plenty.
    const bool first = received == 0 || !m_progressShown.isValid();
    if (!first && received != total && !m_progressShown.hasExpired(kProgressIntervalMs))
        return;
    m_progressShown.start();
    showValue(m_statusLabel, tr("Sending…"));
    m_coloredStatus.reset();
    colorStatus();
    showValue(m_sizeLabel, total > 0 ? tr("%1 of %2").arg(sizeText(received), sizeText(total)) : sizeText(received));
}

void ResponseView::setRecord(const ResponseRecord& record)
{
    clear();
    m_record = record;
    m_coloredStatus = record.hasResponse() ? record.status : 0;
    colorStatus();
    if (record.hasResponse()) {
        showValue(m_statusLabel, QStringLiteral("%1 %2").arg(record.status).arg(QString::fromUtf8(record.reason)));
    } else {
        showValue(m_statusLabel, tr("No response"));
        m_errorLabel->setText(record.errorMessage);
        m_errorLabel->show();
    }
    showValue(m_timeLabel, tr("%1 ms").arg(qRound(record.totalMs)));
    showValue(m_sizeLabel, sizeText(record.bodySize));
    for (const auto& header : record.headers)
        m_headersTreeWidget->addTopLevelItem(
            new QTreeWidgetItem({QString::fromUtf8(header.name), QString::fromUtf8(header.value)}));

    QString sent = QStringLiteral("%1 %2\n").arg(QString::fromUtf8(record.request.method),
                                                 record.request.url.toString(QUrl::FullyEncoded));
    for (const auto& header : record.request.headers)
        sent += QStringLiteral("%1: %2\n").arg(QString::fromUtf8(header.name), QString::fromUtf8(header.value));
    if (record.request.bodySize > 0)
        sent += u'\n' + (record.request.body.isEmpty() ? tr("(%1 of body)").arg(sizeText(record.request.bodySize))
                                                       : QString::fromUtf8(record.request.body));
    m_sentPlainTextEdit->setPlainText(sent);
    m_timingsPlainTextEdit->setPlainText(
        tr("Sent at: %1\nTime to first byte: %2 ms\nTotal: %3 ms\nRedirects: %4\nFinal URL: %5")
            .arg(record.sentAt.toLocalTime().toString(Qt::ISODateWithMs))
            .arg(record.timeToFirstByteMs < 0 ? tr("n/a") : QString::number(record.timeToFirstByteMs, 'f', 1))
            .arg(record.totalMs, 0, 'f', 1)
            .arg(record.redirectCount)
            .arg(record.finalUrl.toString()));

    const QString contentType = QString::fromUtf8(record.headerValue("Content-Type"));
    if (!record.bodyOnDisk()) {
        m_bodyView->setBody(record.body, contentType);
        return;
    }
    // Streamed to a file (big): read it on a worker, then index it there too.
    m_bodyReader = std::make_unique<QFutureWatcher<QByteArray>>();
    connect(m_bodyReader.get(), &QFutureWatcherBase::finished, this, [this, contentType] {
        m_bodyView->setBody(m_bodyReader->result(), contentType);
        m_bodyReader.reset();
    });
    m_bodyReader->setFuture(QtConcurrent::run(BackgroundPool::instance(), [record] {
        BackgroundPool::lowerCurrentThreadPriority();
        return record.readBody();
    }));
}

} // namespace tb::ui
