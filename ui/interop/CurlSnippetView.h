#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace tb::ui {

// A read-only view of the current request as a curl command (secrets as $VARIABLES), with a Copy button.
class CurlSnippetView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlSnippetView)

public:
    explicit CurlSnippetView(QWidget* parent = nullptr);

    void setCommand(const QString& command);
    QString command() const;

private:
    QPlainTextEdit* m_textEdit;
    QPushButton* m_copyPushButton;
};

} // namespace tb::ui
