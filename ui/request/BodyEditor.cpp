#include "BodyEditor.h"

#include "request/KeyValueTable.h"
#include "response/JsonSyntaxHighlighter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

// The combo's entries: the engine's body kinds, with JSON and text as two faces of Raw.
enum class Choice
{
    None,
    Json,
    Text,
    UrlEncoded,
    Multipart,
    Binary
};
const QString kJsonType = QStringLiteral("application/json");

enum MultipartColumn
{
    PartName,
    PartValue,
    PartIsFile,
    PartContentType,
    PartColumns
};

} // namespace

BodyEditor::BodyEditor(QWidget* parent) : QWidget(parent)
{
    m_kindComboBox = new QComboBox(this);
    m_kindComboBox->setObjectName(QStringLiteral("bodyKindComboBox"));
    m_kindComboBox->setAccessibleName(tr("Body kind"));
    m_kindComboBox->addItem(tr("None"), int(Choice::None));
    m_kindComboBox->addItem(tr("JSON"), int(Choice::Json));
    m_kindComboBox->addItem(tr("Text"), int(Choice::Text));
    m_kindComboBox->addItem(tr("Form URL-encoded"), int(Choice::UrlEncoded));
    m_kindComboBox->addItem(tr("Multipart form"), int(Choice::Multipart));
    m_kindComboBox->addItem(tr("Binary file"), int(Choice::Binary));

    // Page 0: none. Page 1: JSON and text share one editor.
    auto* nonePage = new QLabel(tr("This request has no body."), this);
    nonePage->setAlignment(Qt::AlignCenter);
    auto* textPage = new QWidget(this);
    m_textEdit = new QPlainTextEdit(textPage);
    m_textEdit->setObjectName(QStringLiteral("bodyPlainTextEdit"));
    m_textEdit->setAccessibleName(tr("Body text"));
    m_textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_textEdit->setTabChangesFocus(true);
    new JsonSyntaxHighlighter(m_textEdit->document(), palette());
    m_contentTypeLineEdit = new QLineEdit(textPage);
    m_contentTypeLineEdit->setObjectName(QStringLiteral("bodyContentTypeLineEdit"));
    m_contentTypeLineEdit->setAccessibleName(tr("Body content type"));
    m_contentTypeLineEdit->setPlaceholderText(QStringLiteral("text/plain"));
    m_jsonStatusLabel = new QLabel(textPage);
    m_jsonStatusLabel->setObjectName(QStringLiteral("jsonStatusLabel"));
    m_jsonStatusLabel->setAccessibleName(tr("JSON validation"));
    auto* textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_textEdit, 1);
    auto* textFooter = new QHBoxLayout;
    textFooter->addWidget(m_jsonStatusLabel, 1);
    textFooter->addWidget(new QLabel(tr("Content type:"), textPage));
    textFooter->addWidget(m_contentTypeLineEdit);
    textLayout->addLayout(textFooter);

    m_formTable = new KeyValueTable(QStringLiteral("formTableView"), tr("Form fields"), this);

    auto* multipartPage = new QWidget(this);
    m_multipartTable = new QTableWidget(0, PartColumns, multipartPage);
    m_multipartTable->setObjectName(QStringLiteral("multipartTableWidget"));
    m_multipartTable->setAccessibleName(tr("Multipart parts"));
    m_multipartTable->setHorizontalHeaderLabels({tr("Name"), tr("Value or file path"), tr("File"), tr("Type")});
    m_multipartTable->horizontalHeader()->setSectionResizeMode(PartValue, QHeaderView::Stretch);
    m_multipartTable->verticalHeader()->hide();
    auto* addPartPushButton = new QPushButton(tr("Add field"), multipartPage);
    addPartPushButton->setObjectName(QStringLiteral("addPartPushButton"));
    addPartPushButton->setAccessibleName(tr("Add a text field"));
    auto* addFilePushButton = new QPushButton(tr("Add file…"), multipartPage);
    addFilePushButton->setObjectName(QStringLiteral("addFilePartPushButton"));
    addFilePushButton->setAccessibleName(tr("Add a file part"));
    auto* removePartPushButton = new QPushButton(tr("Remove"), multipartPage);
    removePartPushButton->setObjectName(QStringLiteral("removePartPushButton"));
    removePartPushButton->setAccessibleName(tr("Remove the selected part"));
    auto* multipartButtons = new QHBoxLayout;
    multipartButtons->addWidget(addPartPushButton);
    multipartButtons->addWidget(addFilePushButton);
    multipartButtons->addWidget(removePartPushButton);
    multipartButtons->addStretch();
    auto* multipartLayout = new QVBoxLayout(multipartPage);
    multipartLayout->setContentsMargins(0, 0, 0, 0);
    multipartLayout->addWidget(m_multipartTable, 1);
    multipartLayout->addLayout(multipartButtons);

    auto* binaryPage = new QWidget(this);
    m_fileLineEdit = new QLineEdit(binaryPage);
    m_fileLineEdit->setObjectName(QStringLiteral("bodyFileLineEdit"));
    m_fileLineEdit->setAccessibleName(tr("Body file"));
    auto* browsePushButton = new QPushButton(tr("Browse…"), binaryPage);
    browsePushButton->setObjectName(QStringLiteral("browseBodyFilePushButton"));
    browsePushButton->setAccessibleName(tr("Choose the body file"));
    auto* binaryLayout = new QHBoxLayout(binaryPage);
    binaryLayout->addWidget(m_fileLineEdit, 1);
    binaryLayout->addWidget(browsePushButton);
    binaryLayout->setAlignment(Qt::AlignTop);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(nonePage);
    m_stack->addWidget(textPage);
    m_stack->addWidget(m_formTable);
    m_stack->addWidget(multipartPage);
    m_stack->addWidget(binaryPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kindComboBox, 0, Qt::AlignLeft);
    layout->addWidget(m_stack, 1);

    const auto choiceChanged = [this] {
        const auto choice = Choice(m_kindComboBox->currentData().toInt());
        static const int pageFor[] = {0, 1, 1, 2, 3, 4};
        m_stack->setCurrentIndex(pageFor[int(choice)]);
        m_contentTypeLineEdit->setVisible(choice == Choice::Text);
        m_jsonStatusLabel->setVisible(choice == Choice::Json);
        validateJson();
        emit edited();
    };
    connect(m_kindComboBox, &QComboBox::currentIndexChanged, this, choiceChanged);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, [this] {
        validateJson();
        emit edited();
    });
    connect(m_contentTypeLineEdit, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(m_formTable->rowModel(), &KeyValueModel::rowsEdited, this, &BodyEditor::edited);
    connect(m_multipartTable, &QTableWidget::itemChanged, this, &BodyEditor::edited);
    connect(m_fileLineEdit, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(addPartPushButton, &QPushButton::clicked, this, [this] { addMultipartRow({}); });
    connect(addFilePushButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a file to send"));
        if (!path.isEmpty())
            addMultipartRow({MultipartRow::Kind::File, QFileInfo(path).fileName(), path, {}, true});
    });
    connect(removePartPushButton, &QPushButton::clicked, this, [this] {
        m_multipartTable->removeRow(m_multipartTable->currentRow());
        emit edited();
    });
    connect(browsePushButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose the body file"));
        if (!path.isEmpty()) {
            m_fileLineEdit->setText(path);
            emit edited();
        }
    });
    choiceChanged();
}

void BodyEditor::addMultipartRow(const MultipartRow& part)
{
    const QSignalBlocker blocker(m_multipartTable);
    const int row = m_multipartTable->rowCount();
    m_multipartTable->insertRow(row);
    auto* name = new QTableWidgetItem(part.name);
    name->setCheckState(part.enabled ? Qt::Checked : Qt::Unchecked);
    m_multipartTable->setItem(row, PartName, name);
    m_multipartTable->setItem(row, PartValue, new QTableWidgetItem(part.value));
    auto* isFile = new QTableWidgetItem;
    isFile->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    isFile->setCheckState(part.kind == MultipartRow::Kind::File ? Qt::Checked : Qt::Unchecked);
    m_multipartTable->setItem(row, PartIsFile, isFile);
    m_multipartTable->setItem(row, PartContentType, new QTableWidgetItem(part.contentType));
    emit edited();
}

void BodyEditor::validateJson()
{
    if (Choice(m_kindComboBox->currentData().toInt()) != Choice::Json)
        return;
    const QByteArray text = m_textEdit->toPlainText().toUtf8();
    if (text.trimmed().isEmpty()) {
        m_jsonStatusLabel->setText(tr("Empty"));
        return;
    }
    QJsonParseError error;
    QJsonDocument::fromJson(text, &error);
    // {{variables}} are not JSON until resolved; a parse error inside one is expected, so say so.
    m_jsonStatusLabel->setText(error.error == QJsonParseError::NoError
                                   ? tr("Valid JSON")
                                   : tr("Invalid JSON at character %1: %2").arg(error.offset).arg(error.errorString()));
}

RequestBody BodyEditor::body() const
{
    RequestBody body;
    switch (Choice(m_kindComboBox->currentData().toInt())) {
    case Choice::None:
        break;
    case Choice::Json:
        body.kind = RequestBody::Kind::Raw;
        body.text = m_textEdit->toPlainText();
        body.contentType = kJsonType;
        break;
    case Choice::Text:
        body.kind = RequestBody::Kind::Raw;
        body.text = m_textEdit->toPlainText();
        body.contentType =
            m_contentTypeLineEdit->text().isEmpty() ? QStringLiteral("text/plain") : m_contentTypeLineEdit->text();
        break;
    case Choice::UrlEncoded:
        body.kind = RequestBody::Kind::UrlEncoded;
        body.formRows = m_formTable->rowModel()->rows();
        break;
    case Choice::Multipart:
        body.kind = RequestBody::Kind::Multipart;
        for (int row = 0; row < m_multipartTable->rowCount(); ++row) {
            const auto text = [&](int column) {
                const auto* item = m_multipartTable->item(row, column);
                return item ? item->text() : QString();
            };
            const auto* name = m_multipartTable->item(row, PartName);
            const auto* isFile = m_multipartTable->item(row, PartIsFile);
            body.parts.append(
                {isFile && isFile->checkState() == Qt::Checked ? MultipartRow::Kind::File : MultipartRow::Kind::Text,
                 text(PartName), text(PartValue), text(PartContentType), !name || name->checkState() == Qt::Checked});
        }
        break;
    case Choice::Binary:
        body.kind = RequestBody::Kind::Binary;
        body.filePath = m_fileLineEdit->text();
        break;
    }
    return body;
}

void BodyEditor::setBody(const RequestBody& body)
{
    const QSignalBlocker blocker(this);
    Choice choice = Choice::None;
    switch (body.kind) {
    case RequestBody::Kind::None:
        break;
    case RequestBody::Kind::Raw:
        choice = body.contentType.contains(QLatin1String("json"), Qt::CaseInsensitive) ? Choice::Json : Choice::Text;
        break;
    case RequestBody::Kind::UrlEncoded:
        choice = Choice::UrlEncoded;
        break;
    case RequestBody::Kind::Multipart:
        choice = Choice::Multipart;
        break;
    case RequestBody::Kind::Binary:
        choice = Choice::Binary;
        break;
    }
    m_textEdit->setPlainText(body.text);
    m_contentTypeLineEdit->setText(choice == Choice::Text ? body.contentType : QString());
    m_formTable->rowModel()->setRows(body.formRows);
    m_multipartTable->setRowCount(0);
    for (const auto& part : body.parts)
        addMultipartRow(part);
    m_fileLineEdit->setText(body.filePath);
    m_kindComboBox->setCurrentIndex(m_kindComboBox->findData(int(choice)));
    validateJson();
}

} // namespace tb::ui
