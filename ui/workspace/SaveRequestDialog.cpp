#include "SaveRequestDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;

} // namespace

SaveRequestDialog::SaveRequestDialog(const Workspace& workspace, const QString& container, const QString& name,
                                     NameCheck check, QWidget* parent)
    : QDialog(parent), m_check(std::move(check))
{
    setObjectName(QStringLiteral("saveRequestDialog"));
    setWindowTitle(tr("Save request as"));

    m_containerTreeWidget = new QTreeWidget(this);
    m_containerTreeWidget->setObjectName(QStringLiteral("containerTreeWidget"));
    m_containerTreeWidget->setAccessibleName(tr("Collection or folder"));
    m_containerTreeWidget->setHeaderHidden(true);
    for (const Collection& collection : workspace.collections) {
        auto* item = new QTreeWidgetItem(m_containerTreeWidget, {collection.name});
        item->setData(0, kPathRole, collection.slug);
        item->setData(0, Qt::AccessibleTextRole, tr("Collection %1").arg(collection.name));
        addFolders(item, collection.items, collection.slug);
    }
    m_containerTreeWidget->expandAll();
    for (QTreeWidgetItemIterator it(m_containerTreeWidget); *it; ++it)
        if ((*it)->data(0, kPathRole).toString() == container)
            m_containerTreeWidget->setCurrentItem(*it);
    if (!m_containerTreeWidget->currentItem() && m_containerTreeWidget->topLevelItemCount() > 0)
        m_containerTreeWidget->setCurrentItem(m_containerTreeWidget->topLevelItem(0));

    m_nameLineEdit = new QLineEdit(name, this);
    m_nameLineEdit->setObjectName(QStringLiteral("requestNameLineEdit"));
    m_nameLineEdit->setAccessibleName(tr("Request name"));
    m_nameLineEdit->selectAll();
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("saveErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Why the request cannot be saved"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("saveRequestButtonBox"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name"), m_nameLineEdit);
    auto* where = new QLabel(tr("&Save in"), this);
    where->setBuddy(m_containerTreeWidget);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(where);
    layout->addWidget(m_containerTreeWidget, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    setTabOrder(m_nameLineEdit, m_containerTreeWidget);
    setTabOrder(m_containerTreeWidget, buttons);
    m_nameLineEdit->setFocus();

    connect(buttons, &QDialogButtonBox::accepted, this, &SaveRequestDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SaveRequestDialog::reject);
    // A stale error would blame the new input for the old one.
    connect(m_nameLineEdit, &QLineEdit::textEdited, m_errorLabel, &QLabel::hide);
    connect(m_containerTreeWidget, &QTreeWidget::currentItemChanged, m_errorLabel, &QLabel::hide);
    resize(420, 420);
}

void SaveRequestDialog::addFolders(QTreeWidgetItem* parent, const std::vector<CollectionItem>& items,
                                   const QString& prefix)
{
    for (const CollectionItem& child : items) {
        if (!child.isFolder())
            continue;
        const QString path = prefix + u'/' + child.slug;
        auto* folder = new QTreeWidgetItem(parent, {child.name});
        folder->setData(0, kPathRole, path);
        folder->setData(0, Qt::AccessibleTextRole, tr("Folder %1").arg(child.name));
        addFolders(folder, child.children, path);
    }
}

QString SaveRequestDialog::container() const
{
    const QTreeWidgetItem* item = m_containerTreeWidget->currentItem();
    return item ? item->data(0, kPathRole).toString() : QString();
}

QString SaveRequestDialog::name() const
{
    return m_nameLineEdit->text().trimmed();
}

void SaveRequestDialog::accept()
{
    const QString error = container().isEmpty() ? tr("Choose a collection or folder to save the request in.")
                                                : m_check(container(), name());
    if (!error.isEmpty()) {
        m_errorLabel->setText(error);
        m_errorLabel->show();
        m_nameLineEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace tb::ui
