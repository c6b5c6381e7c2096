#include "WorkspacePanel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tb::ui {

WorkspacePanel::WorkspacePanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("workspacePanel"));
    m_environmentComboBox = new QComboBox(this);
    m_environmentComboBox->setObjectName(QStringLiteral("environmentComboBox"));
    m_environmentComboBox->setAccessibleName(tr("Active environment"));
    m_treeWidget = new QTreeWidget(this);
    m_treeWidget->setObjectName(QStringLiteral("workspaceTreeWidget"));
    m_treeWidget->setAccessibleName(tr("Collections"));
    m_treeWidget->setHeaderHidden(true);
    m_historySearchLineEdit = new QLineEdit(this);
    m_historySearchLineEdit->setObjectName(QStringLiteral("historySearchLineEdit"));
    m_historySearchLineEdit->setAccessibleName(tr("Search history"));
    m_historySearchLineEdit->setPlaceholderText(tr("Search history"));
    m_historySearchLineEdit->setClearButtonEnabled(true);
    m_historyListWidget = new QListWidget(this);
    m_historyListWidget->setObjectName(QStringLiteral("historyListWidget"));
    m_historyListWidget->setAccessibleName(tr("History"));

    auto* historyPane = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History"), historyPane));
    historyLayout->addWidget(m_historySearchLineEdit);
    historyLayout->addWidget(m_historyListWidget, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_treeWidget);
    splitter->addWidget(historyPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* environmentLabel = new QLabel(tr("&Environment"), this);
    environmentLabel->setBuddy(m_environmentComboBox);
    layout->addWidget(environmentLabel);
    layout->addWidget(m_environmentComboBox);
    layout->addWidget(splitter, 1);

    connect(m_treeWidget, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString path = item->data(0, PathRole).toString();
        if (!path.isEmpty())
            emit requestActivated(path);
    });
    connect(m_environmentComboBox, &QComboBox::activated, this,
            [this] { emit environmentChanged(activeEnvironment()); });
    connect(m_historySearchLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_historyListWidget->count(); ++i) {
            QListWidgetItem* item = m_historyListWidget->item(i);
            item->setHidden(!item->text().contains(text, Qt::CaseInsensitive));
        }
    });
}

void WorkspacePanel::setWorkspace(const Workspace& workspace, const QString& activeEnvironment)
{
    m_environmentComboBox->clear();
    m_environmentComboBox->addItem(tr("No environment"), QString());
    for (const auto& environment : workspace.environments)
        m_environmentComboBox->addItem(environment.name, environment.name);
    m_environmentComboBox->setCurrentIndex(qMax(0, m_environmentComboBox->findData(activeEnvironment)));

    m_treeWidget->clear();
    for (const auto& collection : workspace.collections) {
        auto* item = new QTreeWidgetItem(m_treeWidget, {collection.name});
        item->setToolTip(0, collection.description);
        addItems(item, collection.items, collection.slug);
        item->setExpanded(true);
    }
}

void WorkspacePanel::addItems(QTreeWidgetItem* parent, const std::vector<CollectionItem>& items, const QString& prefix)
{
    for (const auto& child : items) {
        const QString path = prefix + u'/' + child.slug;
        if (child.isFolder()) {
            auto* folder = new QTreeWidgetItem(parent, {child.name});
            addItems(folder, child.children, path);
            folder->setExpanded(true);
            continue;
        }
        auto* item = new QTreeWidgetItem(parent, {QStringLiteral("%1  %2").arg(child.request.method, child.name)});
        item->setData(0, PathRole, path);
        item->setData(0, Qt::AccessibleTextRole, tr("%1 request %2").arg(child.request.method, child.name));
        item->setToolTip(0, child.request.url);
    }
}

QString WorkspacePanel::activeEnvironment() const
{
    return m_environmentComboBox->currentData().toString();
}

void WorkspacePanel::addHistory(const QString& text, const QString& toolTip)
{
    auto* item = new QListWidgetItem(text);
    item->setToolTip(toolTip);
    m_historyListWidget->insertItem(0, item);
    item->setHidden(!text.contains(m_historySearchLineEdit->text(), Qt::CaseInsensitive));
}

} // namespace tb::ui
