#pragma once

#include "response/LineIndex.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace tb::ui {

class LargeTextView;

// The response body: pretty JSON (coloured), raw text, hex dump or image preview, with find, wrap, save and
// copy. Indexing the lines runs off the UI thread with progress and a Cancel button, so a 100 MB body never
// freezes the window; the text view then paints only the visible lines.
class ResponseBodyView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseBodyView)

public:
    enum class Mode
    {
        Pretty,
        Raw,
        Hex,
        Image
    };
    Q_ENUM(Mode)

    explicit ResponseBodyView(QWidget* parent = nullptr);
    ~ResponseBodyView() override;

    void setBody(const QByteArray& body, const QString& contentType);
    void clear();
    const QByteArray& body() const { return m_body; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    bool isBusy() const;
    LargeTextView* textView() const { return m_textView; }

    // The whole body as the current mode shows it (pretty JSON, raw text, hex); capped for huge bodies.
    QString displayedText() const;

public slots:
    void showFind();
    void findNext();
    void findPrevious();
    void cancelFormatting();
    void copyToClipboard();
    void saveToFile();

signals:
    // The body is on screen in the current mode (after formatting finished or was abandoned).
    void bodyShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setProgressVisible(bool visible);
    void stopJobs();
    void startIndexing(Mode mode);
    void indexingFinished();
    void showLines(std::shared_ptr<const TextLines> lines);
    void showImage();
    void find(bool forward);
    void setNotice(const QString& text);
    void updateModeChoices();

    QByteArray m_body;
    QString m_contentType;
    Mode m_mode = Mode::Raw;
    std::shared_ptr<const TextLines> m_pretty;
    std::shared_ptr<const TextLines> m_raw;
    std::shared_ptr<const TextLines> m_hex;
    QImage m_image;
    qint64 m_findOffset = -1;

    std::unique_ptr<QFutureWatcher<LineIndex::Result>> m_indexWatcher;
    Mode m_indexMode = Mode::Raw;
    std::unique_ptr<QFutureWatcher<QImage>> m_imageWatcher;

    QComboBox* m_modeComboBox;
    QCheckBox* m_wrapCheckBox;
    QPushButton* m_copyPushButton;
    QPushButton* m_savePushButton;
    QWidget* m_progressRow;
    QProgressBar* m_formatProgressBar;
    QPushButton* m_cancelPushButton;
    QTimer* m_progressTimer;
    QLabel* m_noticeLabel;
    QStackedWidget* m_stack;
    LargeTextView* m_textView;
    QScrollArea* m_imageScrollArea;
    QLabel* m_imageLabel;
    QWidget* m_findBar;
    QLineEdit* m_findLineEdit;
    QLabel* m_findResultLabel;
};

} // namespace tb::ui
