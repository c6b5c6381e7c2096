#include "EnvironmentEditor.h"

#include "EnvironmentVariablesModel.h"
#include "secrets/SecretStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

// Secret values are typed into a password field, never shown in clear.
class ValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto* lineEdit = qobject_cast<QLineEdit*>(editor)) {
            const bool secret = index.data(EnvironmentVariablesModel::SecretRole).toBool();
            if (index.column() == EnvironmentVariablesModel::ValueColumn) {
                lineEdit->setObjectName(QStringLiteral("valueLineEdit"));
                lineEdit->setAccessibleName(secret ? tr("Secret value") : tr("Value"));
                if (secret)
                    lineEdit->setEchoMode(QLineEdit::Password);
            } else {
                lineEdit->setObjectName(QStringLiteral("nameLineEdit"));
                lineEdit->setAccessibleName(tr("Variable name"));
            }
        }
        return editor;
    }
};

QPushButton* button(const QString& text, const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* result = new QPushButton(text, parent);
    result->setObjectName(objectName);
    result->setAccessibleName(accessibleName);
    return result;
}

} // namespace

EnvironmentEditor::EnvironmentEditor(const QList<Environment>& environments, SecretStore* secrets,
                                     const QString& current, QWidget* parent)
    : QDialog(parent), m_draft(environments)
{
    setObjectName(QStringLiteral("environmentEditorDialog"));
    setWindowTitle(tr("Environments"));
    setAccessibleName(tr("Environments"));
    m_model = new EnvironmentVariablesModel(m_draft, this);

    m_environmentListWidget = new QListWidget(this);
    m_environmentListWidget->setObjectName(QStringLiteral("environmentListWidget"));
    m_environmentListWidget->setAccessibleName(tr("Environments"));
    m_environmentListWidget->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto* addPushButton = button(tr("&New"), QStringLiteral("addEnvironmentPushButton"), tr("New environment"), this);
    m_duplicatePushButton =
        button(tr("D&uplicate"), QStringLiteral("duplicateEnvironmentPushButton"), tr("Duplicate environment"), this);
    m_renamePushButton =
        button(tr("Re&name"), QStringLiteral("renameEnvironmentPushButton"), tr("Rename environment"), this);
    m_removeEnvironmentPushButton =
        button(tr("&Delete"), QStringLiteral("removeEnvironmentPushButton"), tr("Delete environment"), this);

    m_variablesTableView = new QTableView(this);
    m_variablesTableView->setObjectName(QStringLiteral("variablesTableView"));
    m_variablesTableView->setAccessibleName(tr("Variables"));
    m_variablesTableView->setModel(m_model);
    m_variablesTableView->setItemDelegate(new ValueDelegate(m_variablesTableView));
    m_variablesTableView->verticalHeader()->hide();
    m_variablesTableView->horizontalHeader()->setSectionResizeMode(EnvironmentVariablesModel::ValueColumn,
                                                                   QHeaderView::Stretch);
    m_variablesTableView->horizontalHeader()->resizeSection(EnvironmentVariablesModel::NameColumn, 200);
    m_variablesTableView->setTabKeyNavigation(false);
    m_addVariablePushButton =
        button(tr("&Add variable"), QStringLiteral("addVariablePushButton"), tr("Add variable"), this);
    m_removeVariablePushButton =
        button(tr("&Remove variable"), QStringLiteral("removeVariablePushButton"), tr("Remove variable"), this);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("environmentErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Problem"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("environmentButtonBox"));

    auto* listButtons = new QHBoxLayout;
    for (QPushButton* b : {addPushButton, m_duplicatePushButton, m_renamePushButton, m_removeEnvironmentPushButton})
        listButtons->addWidget(b);
    auto* left = new QVBoxLayout;
    left->addWidget(m_environmentListWidget, 1);
    left->addLayout(listButtons);
    auto* tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_addVariablePushButton);
    tableButtons->addWidget(m_removeVariablePushButton);
    tableButtons->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_variablesTableView, 1);
    right->addLayout(tableButtons);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 5);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(860, 460);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addPushButton, &QPushButton::clicked, this, &EnvironmentEditor::addEnvironment);
    connect(m_duplicatePushButton, &QPushButton::clicked, this, &EnvironmentEditor::duplicateEnvironment);
    connect(m_renamePushButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_environmentListWidget->currentItem())
            m_environmentListWidget->editItem(item);
    });
    connect(m_removeEnvironmentPushButton, &QPushButton::clicked, this, &EnvironmentEditor::removeEnvironment);
    connect(m_addVariablePushButton, &QPushButton::clicked, this, &EnvironmentEditor::addVariable);
    connect(m_removeVariablePushButton, &QPushButton::clicked, this, &EnvironmentEditor::removeVariable);
    connect(m_environmentListWidget, &QListWidget::currentRowChanged, this, [this](int row) {
        m_model->setEnvironment(row);
        updateButtons();
    });
    // Renaming in place: the draft checks the name; a refused name goes back to the old one.
    connect(m_environmentListWidget, &QListWidget::itemChanged, this,
            [this](QListWidgetItem* item) { renameEnvironment(item->text()); });

    fillList(qMax(0, m_draft.indexOf(current)));
    if (secrets) {
        for (const QString& ref : m_draft.secretRefs()) {
            secrets->read(ref, this, [this, ref](const SecretResult& result) {
                if (!result.ok())
                    return; // shown as "(stored secret)"; typing a new value replaces it
                m_draft.setSecretValue(ref, QString::fromUtf8(result.value));
                m_model->refresh();
            });
        }
    }
}

EnvironmentEditor::~EnvironmentEditor() = default;

int EnvironmentEditor::currentEnvironment() const
{
    return m_environmentListWidget->currentRow();
}

void EnvironmentEditor::selectEnvironment(int index)
{
    m_environmentListWidget->setCurrentRow(index);
}

void EnvironmentEditor::fillList(int select)
{
    const QSignalBlocker blocker(m_environmentListWidget);
    m_environmentListWidget->clear();
    for (int i = 0; i < m_draft.count(); ++i) {
        auto* item = new QListWidgetItem(m_draft.at(i).name, m_environmentListWidget);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    const int row = m_draft.count() == 0 ? -1 : qBound(0, select, m_draft.count() - 1);
    m_environmentListWidget->setCurrentRow(row);
    m_model->setEnvironment(row);
    updateButtons();
}

void EnvironmentEditor::showError(const QString& error)
{
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
}

void EnvironmentEditor::updateButtons()
{
    const bool selected = currentEnvironment() >= 0;
    for (QPushButton* b : {m_duplicatePushButton, m_renamePushButton, m_removeEnvironmentPushButton,
                           m_addVariablePushButton, m_removeVariablePushButton})
        b->setEnabled(selected);
}

void EnvironmentEditor::addEnvironment()
{
    QString name = tr("New environment");
    for (int n = 2; m_draft.indexOf(name) >= 0; ++n)
        name = tr("New environment %1").arg(n);
    showError(m_draft.add(name));
    fillList(m_draft.count() - 1);
    m_environmentListWidget->editItem(m_environmentListWidget->currentItem());
}

void EnvironmentEditor::duplicateEnvironment()
{
    const int index = currentEnvironment();
    if (index < 0)
        return;
    showError(m_draft.duplicate(index, m_draft.freeName(m_draft.at(index).name)));
    fillList(index + 1);
}

void EnvironmentEditor::renameEnvironment(const QString& name)
{
    const int index = currentEnvironment();
    if (index < 0)
        return;
    const QString error = m_draft.rename(index, name);
    showError(error);
    // Shows the name as the draft has it (trimmed, or the old one when refused).
    const QSignalBlocker blocker(m_environmentListWidget);
    m_environmentListWidget->item(index)->setText(m_draft.at(index).name);
}

void EnvironmentEditor::removeEnvironment()
{
    const int index = currentEnvironment();
    if (index < 0)
        return;
    m_draft.remove(index);
    fillList(index);
}

void EnvironmentEditor::addVariable()
{
    const QModelIndex index = m_model->addRow();
    if (!index.isValid())
        return;
    m_variablesTableView->setCurrentIndex(index);
    m_variablesTableView->edit(index);
}

void EnvironmentEditor::removeVariable()
{
    m_model->removeRowAt(m_variablesTableView->currentIndex().row());
}

} // namespace tb::ui
