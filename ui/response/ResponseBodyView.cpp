#include "ResponseBodyView.h"

#include "response/BackgroundPool.h"
#include "response/HexLines.h"
#include "response/LargeTextView.h"

#include <QAction>
#include <QApplication>
#include <QByteArrayMatcher>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb::ui {

namespace {

// Bodies above this are copied raw: a pretty copy would cost several times the body in memory.
constexpr qsizetype kMaxPrettyCopy = 16 * 1024 * 1024;
// The progress row appears only if formatting takes longer than this, so small bodies do not flicker; then the
// bar follows the job at this pace. Not at every progress report: each repaint costs the UI thread, and Qt's
// raster engine hands big fills to the global thread pool and waits for them, which on a busy machine adds up.
constexpr int kProgressIntervalMs = 150;

bool looksBinary(const QByteArray& body)
{
    const qsizetype n = qMin<qsizetype>(body.size(), 4096);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = uchar(body.at(i));
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'))
            return true;
    }
    return false;
}

bool looksJson(const QByteArray& body, const QString& contentType)
{
    if (contentType.contains(QLatin1String("json"), Qt::CaseInsensitive))
        return true;
    for (const char c : body.first(qMin<qsizetype>(body.size(), 64))) {
        if (c == '{' || c == '[')
            return true;
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return false;
}

QPushButton* makeButton(const QString& text, const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

ResponseBodyView::ResponseBodyView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("responseBodyView"));

    m_modeComboBox = new QComboBox(this);
    m_modeComboBox->setObjectName(QStringLiteral("bodyModeComboBox"));
    m_modeComboBox->setAccessibleName(tr("Body view"));
    m_wrapCheckBox = new QCheckBox(tr("&Wrap"), this);
    m_wrapCheckBox->setObjectName(QStringLiteral("wrapCheckBox"));
    m_wrapCheckBox->setAccessibleName(tr("Wrap long lines"));
    m_progressRow = new QWidget(this);
    m_formatProgressBar = new QProgressBar(m_progressRow);
    m_formatProgressBar->setObjectName(QStringLiteral("formatProgressBar"));
    m_formatProgressBar->setAccessibleName(tr("Formatting progress"));
    m_formatProgressBar->setRange(0, 1000);
    m_formatProgressBar->setFormat(tr("Formatting… %p%"));
    m_cancelPushButton =
        makeButton(tr("Cancel"), QStringLiteral("cancelFormatPushButton"), tr("Cancel formatting"), m_progressRow);
    // The progress bar and Cancel sit in the tool row, in a container that is always there and places them by
    // hand (see eventFilter): showing them then relays out nothing. Through a layout, each show and hide would
    // run every enclosing layout, and a QTabWidget repaints itself whole when a layout inside it runs.
    m_progressRow->setObjectName(QStringLiteral("formatProgressRow"));
    m_progressRow->setMinimumHeight(
        qMax(m_cancelPushButton->sizeHint().height(), m_formatProgressBar->sizeHint().height()));
    m_progressRow->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_progressRow->installEventFilter(this);
    m_formatProgressBar->hide();
    m_cancelPushButton->hide();

    auto* findPushButton = makeButton(tr("Find"), QStringLiteral("findPushButton"), tr("Find in body"), this);
    findPushButton->setToolTip(tr("Find (Ctrl+F)"));
    m_copyPushButton = makeButton(tr("Copy"), QStringLiteral("copyBodyPushButton"), tr("Copy body"), this);
    m_savePushButton = makeButton(tr("Save…"), QStringLiteral("saveBodyPushButton"), tr("Save body to file"), this);

    auto* toolRow = new QHBoxLayout;
    toolRow->setContentsMargins(0, 0, 0, 0);
    toolRow->addWidget(m_modeComboBox);
    toolRow->addWidget(m_wrapCheckBox);
    toolRow->addWidget(m_progressRow, 1);
    toolRow->addWidget(findPushButton);
    toolRow->addWidget(m_copyPushButton);
    toolRow->addWidget(m_savePushButton);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressIntervalMs);

    m_noticeLabel = new QLabel(this);
    m_noticeLabel->setObjectName(QStringLiteral("bodyNoticeLabel"));
    m_noticeLabel->setAccessibleName(tr("Body notice"));
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->hide();

    m_findBar = new QWidget(this);
    m_findLineEdit = new QLineEdit(m_findBar);
    m_findLineEdit->setObjectName(QStringLiteral("findLineEdit"));
    m_findLineEdit->setAccessibleName(tr("Find text"));
    m_findLineEdit->setPlaceholderText(tr("Find (case-sensitive)"));
    m_findLineEdit->setClearButtonEnabled(true);
    auto* nextPushButton = makeButton(tr("Next"), QStringLiteral("findNextPushButton"), tr("Find next"), m_findBar);
    auto* previousPushButton =
        makeButton(tr("Previous"), QStringLiteral("findPreviousPushButton"), tr("Find previous"), m_findBar);
    m_findResultLabel = new QLabel(m_findBar);
    m_findResultLabel->setObjectName(QStringLiteral("findResultLabel"));
    m_findResultLabel->setAccessibleName(tr("Find result"));
    auto* closeFindPushButton =
        makeButton(tr("Close"), QStringLiteral("closeFindPushButton"), tr("Close find bar"), m_findBar);
    auto* findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(m_findLineEdit, 1);
    findLayout->addWidget(previousPushButton);
    findLayout->addWidget(nextPushButton);
    findLayout->addWidget(m_findResultLabel);
    findLayout->addWidget(closeFindPushButton);
    m_findBar->hide();

    m_textView = new LargeTextView(this);
    m_textView->setAccessibleName(tr("Response body"));
    m_imageLabel = new QLabel;
    m_imageLabel->setObjectName(QStringLiteral("imagePreviewLabel"));
    m_imageLabel->setAccessibleName(tr("Image preview"));
    m_imageLabel->setAlignment(Qt::AlignCenter);
    m_imageScrollArea = new QScrollArea(this);
    m_imageScrollArea->setObjectName(QStringLiteral("imageScrollArea"));
    m_imageScrollArea->setAccessibleName(tr("Image preview area"));
    m_imageScrollArea->setWidget(m_imageLabel);
    m_imageScrollArea->setWidgetResizable(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_textView);
    m_stack->addWidget(m_imageScrollArea);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolRow);
    layout->addWidget(m_noticeLabel);
    layout->addWidget(m_findBar);
    layout->addWidget(m_stack, 1);

    auto* findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);
    auto* findNextAction = new QAction(tr("Find next"), this);
    findNextAction->setShortcut(QKeySequence::FindNext);
    findNextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findNextAction);
    auto* findPreviousAction = new QAction(tr("Find previous"), this);
    findPreviousAction->setShortcut(QKeySequence::FindPrevious);
    findPreviousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findPreviousAction);

    connect(findAction, &QAction::triggered, this, &ResponseBodyView::showFind);
    connect(findPushButton, &QPushButton::clicked, this, &ResponseBodyView::showFind);
    connect(findNextAction, &QAction::triggered, this, &ResponseBodyView::findNext);
    connect(findPreviousAction, &QAction::triggered, this, &ResponseBodyView::findPrevious);
    connect(m_findLineEdit, &QLineEdit::returnPressed, this, &ResponseBodyView::findNext);
    connect(m_findLineEdit, &QLineEdit::textChanged, this, [this] {
        m_findOffset = -1;
        m_findResultLabel->clear();
        m_textView->clearMark();
    });
    connect(nextPushButton, &QPushButton::clicked, this, &ResponseBodyView::findNext);
    connect(previousPushButton, &QPushButton::clicked, this, &ResponseBodyView::findPrevious);
    connect(closeFindPushButton, &QPushButton::clicked, this, [this] {
        m_findBar->hide();
        m_textView->clearMark();
        m_textView->setFocus();
    });
    connect(m_wrapCheckBox, &QCheckBox::toggled, m_textView, &LargeTextView::setWrap);
    connect(m_copyPushButton, &QPushButton::clicked, this, &ResponseBodyView::copyToClipboard);
    connect(m_savePushButton, &QPushButton::clicked, this, &ResponseBodyView::saveToFile);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &ResponseBodyView::cancelFormatting);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_indexWatcher)
            return;
        m_formatProgressBar->setValue(m_indexWatcher->progressValue());
        setProgressVisible(true);
    });
    connect(m_modeComboBox, &QComboBox::activated, this,
            [this](int index) { setMode(m_modeComboBox->itemData(index).value<Mode>()); });
    clear();
}

ResponseBodyView::~ResponseBodyView()
{
    stopJobs();
}

void ResponseBodyView::clear()
{
    setBody({}, {});
}

void ResponseBodyView::setBody(const QByteArray& body, const QString& contentType)
{
    stopJobs();
    m_body = body;
    m_contentType = contentType;
    m_pretty.reset();
    m_raw.reset();
    m_hex.reset();
    m_image = {};
    m_imageLabel->clear();
    m_findOffset = -1;
    m_findResultLabel->clear();
    setNotice({});
    m_textView->setLines(nullptr);
    updateModeChoices();
    Mode mode = Mode::Raw;
    if (contentType.startsWith(QLatin1String("image/"), Qt::CaseInsensitive))
        mode = Mode::Image;
    else if (looksJson(body, contentType))
        mode = Mode::Pretty;
    else if (looksBinary(body))
        mode = Mode::Hex;
    m_mode = mode == Mode::Raw ? Mode::Pretty : Mode::Raw; // force setMode to act
    setMode(mode);
}

// Only when the choices change: refilling the box changes its size hint, which relays out (and repaints) the
// whole response area.
void ResponseBodyView::updateModeChoices()
{
    const bool image = m_contentType.startsWith(QLatin1String("image/"), Qt::CaseInsensitive);
    if (m_modeComboBox->count() == (image ? 4 : 3))
        return;
    m_modeComboBox->clear();
    m_modeComboBox->addItem(tr("Pretty"), QVariant::fromValue(Mode::Pretty));
    m_modeComboBox->addItem(tr("Raw"), QVariant::fromValue(Mode::Raw));
    m_modeComboBox->addItem(tr("Hex"), QVariant::fromValue(Mode::Hex));
    if (image)
        m_modeComboBox->addItem(tr("Image"), QVariant::fromValue(Mode::Image));
}

void ResponseBodyView::setMode(Mode mode)
{
    if (mode == m_mode && !isBusy())
        return;
    m_mode = mode;
    m_modeComboBox->setCurrentIndex(qMax(0, m_modeComboBox->findData(QVariant::fromValue(mode))));
    m_wrapCheckBox->setEnabled(mode != Mode::Image && mode != Mode::Hex);
    switch (mode) {
    case Mode::Pretty:
        if (m_pretty)
            showLines(m_pretty);
        else
            startIndexing(Mode::Pretty);
        break;
    case Mode::Raw:
        if (m_raw)
            showLines(m_raw);
        else
            startIndexing(Mode::Raw);
        break;
    case Mode::Hex:
        stopJobs();
        if (!m_hex)
            m_hex = std::make_shared<HexLines>(m_body);
        showLines(m_hex);
        break;
    case Mode::Image:
        showImage();
        break;
    }
}

bool ResponseBodyView::isBusy() const
{
    return (m_indexWatcher && m_indexWatcher->isRunning()) || (m_imageWatcher && m_imageWatcher->isRunning());
}

void ResponseBodyView::startIndexing(Mode mode)
{
    stopJobs();
    m_indexMode = mode;
    const QByteArray body = m_body;
    auto future = QtConcurrent::run(BackgroundPool::instance(), [body, mode](QPromise<LineIndex::Result>& promise) {
        BackgroundPool::lowerCurrentThreadPriority();
        promise.setProgressRange(0, 1000);
        const auto progress = [&promise](qint64 done, qint64 total) {
            promise.setProgressValue(int(done * 1000 / qMax<qint64>(1, total)));
            return !promise.isCanceled();
        };
        promise.addResult(mode == Mode::Pretty ? LineIndex::buildPrettyJson(body, progress)
                                               : LineIndex::buildRaw(body, progress));
    });
    m_indexWatcher = std::make_unique<QFutureWatcher<LineIndex::Result>>();
    connect(m_indexWatcher.get(), &QFutureWatcherBase::finished, this, &ResponseBodyView::indexingFinished);
    m_indexWatcher->setFuture(future);
    m_formatProgressBar->setValue(0);
    m_formatProgressBar->setFormat(mode == Mode::Pretty ? tr("Formatting… %p%") : tr("Indexing lines… %p%"));
    m_progressTimer->start();
}

void ResponseBodyView::indexingFinished()
{
    m_progressTimer->stop();
    setProgressVisible(false);
    const QFuture<LineIndex::Result> future = m_indexWatcher->future();
    const Mode mode = m_indexMode;
    m_indexWatcher.reset();
    if (future.isCanceled() || future.resultCount() == 0 || future.result().cancelled)
        return;
    const LineIndex::Result result = future.result();
    if (!result.index) { // malformed JSON: say why, and show it raw
        setNotice(result.error);
        m_mode = Mode::Raw;
        m_modeComboBox->setCurrentIndex(m_modeComboBox->findData(QVariant::fromValue(Mode::Raw)));
        startIndexing(Mode::Raw);
        return;
    }
    (mode == Mode::Pretty ? m_pretty : m_raw) = result.index;
    if (m_mode == mode)
        showLines(result.index);
}

void ResponseBodyView::setProgressVisible(bool visible)
{
    // Opaque while the bar shows, so its repaints stop at the row; see-through when idle, where a filled row
    // would show as a grey box on the tab page's lighter background.
    m_progressRow->setAutoFillBackground(visible);
    m_formatProgressBar->setVisible(visible);
    m_cancelPushButton->setVisible(visible);
}

bool ResponseBodyView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_progressRow && event->type() == QEvent::Resize) {
        const QRect area = m_progressRow->rect();
        const int buttonWidth = m_cancelPushButton->sizeHint().width();
        const int spacing = style()->layoutSpacing(QSizePolicy::DefaultType, QSizePolicy::PushButton, Qt::Horizontal);
        m_cancelPushButton->setGeometry(area.right() - buttonWidth + 1, area.top(), buttonWidth, area.height());
        m_formatProgressBar->setGeometry(area.left(), area.top(), qMax(0, area.width() - buttonWidth - spacing),
                                         area.height());
    }
    return QWidget::eventFilter(watched, event);
}

void ResponseBodyView::cancelFormatting()
{
    if (!isBusy())
        return;
    stopJobs();
    setNotice(tr("Formatting cancelled. Choose a view to try again, or Hex to see the bytes at once."));
    emit bodyShown();
}

void ResponseBodyView::stopJobs()
{
    m_progressTimer->stop();
    setProgressVisible(false);
    if (m_indexWatcher) {
        // The worker sees the cancel at its next progress report and drops its result.
        m_indexWatcher->disconnect(this);
        m_indexWatcher->cancel();
        m_indexWatcher.reset();
    }
    if (m_imageWatcher) {
        m_imageWatcher->disconnect(this);
        m_imageWatcher.reset();
    }
}

void ResponseBodyView::showLines(std::shared_ptr<const TextLines> lines)
{
    m_stack->setCurrentWidget(m_textView);
    m_textView->setLines(std::move(lines));
    m_textView->setAccessibleDescription(tr("%n line(s)", nullptr, int(m_textView->lines()->lineCount())));
    m_findOffset = -1;
    emit bodyShown();
}

void ResponseBodyView::showImage()
{
    stopJobs();
    m_stack->setCurrentWidget(m_imageScrollArea);
    if (!m_image.isNull()) {
        m_imageLabel->setPixmap(QPixmap::fromImage(m_image));
        emit bodyShown();
        return;
    }
    m_imageWatcher = std::make_unique<QFutureWatcher<QImage>>();
    connect(m_imageWatcher.get(), &QFutureWatcherBase::finished, this, [this] {
        m_image = m_imageWatcher->result();
        m_imageWatcher.reset();
        if (m_image.isNull()) {
            m_imageLabel->setText(tr("This image could not be decoded (%1).").arg(m_contentType));
        } else {
            m_imageLabel->setPixmap(QPixmap::fromImage(m_image));
            m_imageLabel->setAccessibleDescription(tr("%1 by %2 pixels").arg(m_image.width()).arg(m_image.height()));
        }
        emit bodyShown();
    });
    const QByteArray body = m_body;
    m_imageWatcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [body] {
        BackgroundPool::lowerCurrentThreadPriority();
        return QImage::fromData(body);
    }));
}

void ResponseBodyView::setNotice(const QString& text)
{
    m_noticeLabel->setText(text);
    m_noticeLabel->setVisible(!text.isEmpty());
}

void ResponseBodyView::showFind()
{
    m_findBar->show();
    m_findLineEdit->setFocus();
    m_findLineEdit->selectAll();
}

void ResponseBodyView::findNext()
{
    find(true);
}

void ResponseBodyView::findPrevious()
{
    find(false);
}

// Searches the body bytes (fast even for 100 MB), then marks the match in the line that shows it.
void ResponseBodyView::find(bool forward)
{
    const TextLines* lines = m_textView->lines();
    const QString needle = m_findLineEdit->text();
    if (!lines || needle.isEmpty() || m_stack->currentWidget() != m_textView)
        return;
    const QByteArray bytes = needle.toUtf8();
    const QByteArray& body = lines->body();
    qint64 at = -1;
    if (forward) {
        at = body.indexOf(bytes, m_findOffset + 1);
        if (at < 0)
            at = body.indexOf(bytes, 0);
    } else {
        at = m_findOffset > 0 ? body.lastIndexOf(bytes, m_findOffset - 1) : -1;
        if (at < 0)
            at = body.lastIndexOf(bytes);
    }
    if (at < 0) {
        m_findResultLabel->setText(tr("No matches"));
        m_textView->clearMark();
        return;
    }
    m_findOffset = at;
    const qsizetype line = lines->lineAt(at);
    const QString text = lines->lineText(line);
    const qsizetype column = qMax<qsizetype>(0, text.indexOf(needle));
    m_textView->setMark(line, int(column), int(needle.size()));
    m_findResultLabel->setText(tr("Line %1").arg(line + 1));
}

QString ResponseBodyView::displayedText() const
{
    const TextLines* lines = m_textView->lines();
    if (!lines || m_body.size() > kMaxPrettyCopy)
        return QString::fromUtf8(m_body);
    QString text;
    for (qsizetype i = 0; i < lines->lineCount(); ++i) {
        if (i)
            text += QLatin1Char('\n');
        text += lines->lineText(i);
    }
    return text;
}

void ResponseBodyView::copyToClipboard()
{
    QApplication::clipboard()->setText(displayedText());
}

void ResponseBodyView::saveToFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save response body"));
    if (path.isEmpty())
        return;
    const QByteArray body = m_body;
    // Writing 100 MB can take a moment on a slow disk: off the UI thread.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        setNotice(error.isEmpty() ? tr("Saved to %1").arg(path) : tr("Could not save: %1").arg(error));
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [body, path]() -> QString {
        BackgroundPool::lowerCurrentThreadPriority();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
            return file.errorString();
        return {};
    }));
}

} // namespace tb::ui
