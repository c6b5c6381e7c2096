#pragma once

#include "http/ResponseRecord.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace tb::ui {

class ResponseBodyView;

// One response: status (coloured), time and size, then Body, Headers, the request as sent (already redacted by
// the engine) and timings. A body streamed to a file is read off the UI thread.
class ResponseView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseView)

public:
    explicit ResponseView(QWidget* parent = nullptr);
    ~ResponseView() override;

    void setRecord(const ResponseRecord& record);
    void setInProgress(qint64 received, qint64 total);
    void clear();
    ResponseBodyView* bodyView() const { return m_bodyView; }
    const ResponseRecord& record() const { return m_record; }

    static QString sizeText(qint64 bytes);

protected:
    void changeEvent(QEvent* event) override;

private:
    // The status colour follows the palette, so a light/dark switch of the system recolours a shown response.
    void colorStatus();

    ResponseRecord m_record;
    std::optional<int> m_coloredStatus; // the status whose colour the label shows (0: no response); none: plain
    QLabel* m_statusLabel;
    QLabel* m_timeLabel;
    QLabel* m_sizeLabel;
    QLabel* m_errorLabel;
    QTabWidget* m_tabs;
    ResponseBodyView* m_bodyView;
    QTreeWidget* m_headersTreeWidget;
    QPlainTextEdit* m_sentPlainTextEdit;
    QPlainTextEdit* m_timingsPlainTextEdit;
    std::unique_ptr<QFutureWatcher<QByteArray>> m_bodyReader;
    QElapsedTimer m_progressShown; // when setInProgress last changed the labels
};

} // namespace tb::ui
