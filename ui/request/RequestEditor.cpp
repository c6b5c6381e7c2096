#include "RequestEditor.h"

#include "request/AuthEditor.h"
#include "request/BodyEditor.h"
#include "request/KeyValueTable.h"
#include "request/UrlQuery.h"
#include "request/VariableLineEdit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tb::ui {

RequestEditor::RequestEditor(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("requestEditor"));
    m_methodComboBox = new QComboBox(this);
    m_methodComboBox->setObjectName(QStringLiteral("methodComboBox"));
    m_methodComboBox->setAccessibleName(tr("Method"));
    m_methodComboBox->setEditable(true); // custom verbs
    m_methodComboBox->setInsertPolicy(QComboBox::NoInsert);
    m_methodComboBox->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                                QStringLiteral("OPTIONS")});
    m_urlLineEdit = new VariableLineEdit(this);
    m_urlLineEdit->setObjectName(QStringLiteral("urlLineEdit"));
    m_urlLineEdit->setAccessibleName(tr("URL"));
    m_urlLineEdit->setPlaceholderText(tr("https://api.example.com/path or {{baseUrl}}/path"));
    // Send and Cancel take turns in one place: a fixed-size holder without a layout, so that swapping them relays
    // out nothing (a layout run inside a QTabWidget repaints the whole tab, which a 100 MB load does not need).
    auto* sendHolder = new QWidget(this);
    sendHolder->setObjectName(QStringLiteral("sendButtonHolder"));
    m_sendPushButton = new QPushButton(tr("Send"), sendHolder);
    m_sendPushButton->setObjectName(QStringLiteral("sendPushButton"));
    m_sendPushButton->setAccessibleName(tr("Send request"));
    m_sendPushButton->setToolTip(tr("Send (Ctrl+Enter)"));
    m_sendPushButton->setDefault(true);
    m_cancelPushButton = new QPushButton(tr("Cancel"), sendHolder);
    m_cancelPushButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_cancelPushButton->setAccessibleName(tr("Cancel request"));
    m_cancelPushButton->setToolTip(tr("Cancel (Esc)"));
    m_cancelPushButton->hide();
    const QSize buttonSize = m_sendPushButton->sizeHint().expandedTo(m_cancelPushButton->sizeHint());
    sendHolder->setFixedSize(buttonSize);
    m_sendPushButton->setGeometry(QRect(QPoint(0, 0), buttonSize));
    m_cancelPushButton->setGeometry(QRect(QPoint(0, 0), buttonSize));

    auto* lineLayout = new QHBoxLayout;
    lineLayout->addWidget(m_methodComboBox);
    lineLayout->addWidget(m_urlLineEdit, 1);
    lineLayout->addWidget(sendHolder);

    m_paramsTable = new KeyValueTable(QStringLiteral("paramsTableView"), tr("Query parameters"), this);
    m_headersTable = new KeyValueTable(QStringLiteral("headersTableView"), tr("Headers"), this);
    m_headersTable->setNameSuggestions(KeyValueTable::commonHeaderNames());
    m_bodyEditor = new BodyEditor(this);
    m_bodyEditor->setObjectName(QStringLiteral("bodyEditor"));
    m_authEditor = new AuthEditor(this);
    m_authEditor->setObjectName(QStringLiteral("authEditor"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("requestPartsTabWidget"));
    m_tabs->setAccessibleName(tr("Request parts"));
    m_tabs->addTab(m_paramsTable, tr("&Params"));
    m_tabs->addTab(m_headersTable, tr("&Headers"));
    m_tabs->addTab(m_bodyEditor, tr("&Body"));
    m_tabs->addTab(m_authEditor, tr("&Auth"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(lineLayout);
    layout->addWidget(m_tabs, 1);
    setTabOrder(m_methodComboBox, m_urlLineEdit);
    setTabOrder(m_urlLineEdit, m_sendPushButton);
    setTabOrder(m_sendPushButton, m_tabs);

    connect(m_methodComboBox, &QComboBox::currentTextChanged, this, &RequestEditor::edited);
    connect(m_urlLineEdit, &QLineEdit::textEdited, this, &RequestEditor::urlEdited);
    connect(m_urlLineEdit, &QLineEdit::returnPressed, this, &RequestEditor::sendRequested);
    connect(m_paramsTable->rowModel(), &KeyValueModel::rowsEdited, this, &RequestEditor::paramsEdited);
    connect(m_headersTable->rowModel(), &KeyValueModel::rowsEdited, this, &RequestEditor::edited);
    connect(m_bodyEditor, &BodyEditor::edited, this, &RequestEditor::edited);
    connect(m_authEditor, &AuthEditor::edited, this, &RequestEditor::edited);
    connect(m_sendPushButton, &QPushButton::clicked, this, &RequestEditor::sendRequested);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &RequestEditor::cancelRequested);
}

// The URL holds the enabled params; disabled rows live only in the table (and in the spec's queryParams).
void RequestEditor::urlEdited()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QList<KeyValueRow> rows = UrlQuery::rows(m_urlLineEdit->text());
    for (const auto& row : m_paramsTable->rowModel()->rows())
        if (!row.enabled)
            rows.append(row);
    m_paramsTable->rowModel()->setRows(rows);
    m_syncing = false;
    emit edited();
}

void RequestEditor::paramsEdited()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const int cursor = m_urlLineEdit->cursorPosition();
    m_urlLineEdit->setText(UrlQuery::withRows(m_urlLineEdit->text(), m_paramsTable->rowModel()->rows()));
    m_urlLineEdit->setCursorPosition(cursor);
    m_syncing = false;
    emit edited();
}

RequestSpec RequestEditor::spec() const
{
    RequestSpec spec;
    spec.method = m_methodComboBox->currentText().trimmed().toUpper();
    spec.url = m_urlLineEdit->text().trimmed();
    for (const auto& row : m_paramsTable->rowModel()->rows())
        if (!row.enabled)
            spec.queryParams.append(row);
    spec.headers = m_headersTable->rowModel()->rows();
    spec.body = m_bodyEditor->body();
    spec.auth = m_authEditor->auth();
    return spec;
}

void RequestEditor::setSpec(const RequestSpec& spec)
{
    const QSignalBlocker blocker(this);
    m_syncing = true;
    m_methodComboBox->setCurrentText(spec.method);
    // Enabled params of the spec become part of the URL, so the URL line shows what is sent.
    QList<KeyValueRow> rows = UrlQuery::rows(spec.url);
    rows.append(spec.queryParams);
    m_urlLineEdit->setText(UrlQuery::withRows(spec.url, rows));
    m_paramsTable->rowModel()->setRows(rows);
    m_headersTable->rowModel()->setRows(spec.headers);
    m_bodyEditor->setBody(spec.body);
    m_authEditor->setAuth(spec.auth);
    m_syncing = false;
}

void RequestEditor::setSending(bool sending)
{
    m_sendPushButton->setVisible(!sending);
    m_cancelPushButton->setVisible(sending);
}

} // namespace tb::ui
