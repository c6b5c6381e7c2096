#pragma once

#include "http/RequestSpec.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;

namespace tb::ui {

class KeyValueTable;

// The request body: none, JSON (validated as you type), text, form-urlencoded rows, multipart rows with file
// pickers, or a binary file.
class BodyEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyEditor)

public:
    explicit BodyEditor(QWidget* parent = nullptr);

    RequestBody body() const;
    void setBody(const RequestBody& body);

signals:
    void edited();

private:
    void validateJson();
    void addMultipartRow(const MultipartRow& row);

    QComboBox* m_kindComboBox;
    QStackedWidget* m_stack;
    QPlainTextEdit* m_textEdit;
    QLineEdit* m_contentTypeLineEdit;
    QLabel* m_jsonStatusLabel;
    KeyValueTable* m_formTable;
    QTableWidget* m_multipartTable;
    QLineEdit* m_fileLineEdit;
};

} // namespace tb::ui
