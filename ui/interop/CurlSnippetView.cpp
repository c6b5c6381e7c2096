#include "CurlSnippetView.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tb::ui {

CurlSnippetView::CurlSnippetView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("curlSnippetView"));
    m_textEdit = new QPlainTextEdit(this);
    m_textEdit->setObjectName(QStringLiteral("curlSnippetPlainTextEdit"));
    m_textEdit->setAccessibleName(tr("curl command of the current request"));
    m_textEdit->setReadOnly(true);
    m_textEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyPushButton = new QPushButton(tr("Copy"), this);
    m_copyPushButton->setObjectName(QStringLiteral("copyCurlSnippetPushButton"));
    m_copyPushButton->setAccessibleName(tr("Copy the curl command"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_textEdit, 1);
    layout->addWidget(m_copyPushButton, 0, Qt::AlignRight);
    connect(m_copyPushButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_textEdit->toPlainText()); });
}

void CurlSnippetView::setCommand(const QString& command)
{
    if (command != m_textEdit->toPlainText())
        m_textEdit->setPlainText(command);
}

QString CurlSnippetView::command() const
{
    return m_textEdit->toPlainText();
}

} // namespace tb::ui
