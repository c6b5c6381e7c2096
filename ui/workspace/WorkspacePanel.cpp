#include "WorkspacePanel.h"

#include "WorkspaceTreeWidget.h"
#include "history/HistoryPanel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace tb::ui {

WorkspacePanel::WorkspacePanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("workspacePanel"));
    m_environmentComboBox = new QComboBox(this);
    m_environmentComboBox->setObjectName(QStringLiteral("environmentComboBox"));
    m_environmentComboBox->setAccessibleName(tr("Active environment"));
    m_treeWidget = new WorkspaceTreeWidget(this);
    m_treeWidget->setObjectName(QStringLiteral("workspaceTreeWidget"));
    m_treeWidget->setAccessibleName(tr("Collections"));
    m_treeWidget->setHeaderHidden(true);
    m_treeWidget->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_treeWidget, &QTreeWidget::customContextMenuRequested, this,
            [this](const QPoint& position) { showContextMenu(m_treeWidget->viewport()->mapToGlobal(position)); });
    connect(m_treeWidget, &WorkspaceTreeWidget::moveRequested, this, &WorkspacePanel::moveRequested);
    connect(m_treeWidget, &WorkspaceTreeWidget::renameRequested, this, &WorkspacePanel::renameRequested);
    m_historyPanel = new HistoryPanel(this);
    auto* editEnvironments = new QToolButton(this);
    editEnvironments->setObjectName(QStringLiteral("editEnvironmentsToolButton"));
    editEnvironments->setText(tr("Edit…"));
    editEnvironments->setToolTip(tr("Edit environments"));
    editEnvironments->setAccessibleName(tr("Edit environments"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_treeWidget);
    splitter->addWidget(m_historyPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* environmentLabel = new QLabel(tr("&Environment"), this);
    environmentLabel->setBuddy(m_environmentComboBox);
    layout->addWidget(environmentLabel);
    auto* environmentRow = new QHBoxLayout;
    environmentRow->addWidget(m_environmentComboBox, 1);
    environmentRow->addWidget(editEnvironments);
    layout->addLayout(environmentRow);
    layout->addWidget(splitter, 1);

    connect(m_treeWidget, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString path = item->data(0, PathRole).toString();
        if (!path.isEmpty())
            emit requestActivated(path);
    });
    connect(m_environmentComboBox, &QComboBox::activated, this,
            [this] { emit environmentChanged(activeEnvironment()); });
    connect(editEnvironments, &QToolButton::clicked, this, &WorkspacePanel::editEnvironmentsRequested);
}

void WorkspacePanel::setWorkspace(const Workspace& workspace, const QString& activeEnvironment)
{
    m_environmentComboBox->clear();
    m_environmentComboBox->addItem(tr("No environment"), QString());
    for (const auto& environment : workspace.environments)
        m_environmentComboBox->addItem(environment.name, environment.name);
    m_environmentComboBox->setCurrentIndex(qMax(0, m_environmentComboBox->findData(activeEnvironment)));

    // The tree is rebuilt after every change; what was folded and selected stays so.
    QSet<QString> collapsed;
    for (QTreeWidgetItemIterator it(m_treeWidget); *it; ++it)
        if ((*it)->childCount() > 0 && !(*it)->isExpanded())
            collapsed.insert((*it)->data(0, WorkspaceTreeWidget::NodePathRole).toString());
    const QString current = currentPath();
    m_treeWidget->clear();
    for (const auto& collection : workspace.collections) {
        auto* item = new QTreeWidgetItem(m_treeWidget, {collection.name});
        setNode(item, collection.slug, collection.name, true);
        item->setToolTip(0, collection.description);
        item->setData(0, Qt::AccessibleTextRole, tr("Collection %1").arg(collection.name));
        addItems(item, collection.items, collection.slug);
    }
    for (QTreeWidgetItemIterator it(m_treeWidget); *it; ++it) {
        const QString path = (*it)->data(0, WorkspaceTreeWidget::NodePathRole).toString();
        (*it)->setExpanded(!collapsed.contains(path));
        if (path == current)
            m_treeWidget->setCurrentItem(*it);
    }
}

void WorkspacePanel::setNode(QTreeWidgetItem* item, const QString& path, const QString& name, bool container)
{
    item->setData(0, WorkspaceTreeWidget::NodePathRole, path);
    item->setData(0, WorkspaceTreeWidget::NameRole, name);
    item->setData(0, WorkspaceTreeWidget::ContainerRole, container);
    // Collections keep their places (they are folders on disk, listed by name); folders take drops.
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (container)
        flags |= Qt::ItemIsDropEnabled;
    if (item->parent())
        flags |= Qt::ItemIsDragEnabled;
    item->setFlags(flags);
}

void WorkspacePanel::addItems(QTreeWidgetItem* parent, const std::vector<CollectionItem>& items, const QString& prefix)
{
    for (const auto& child : items) {
        const QString path = prefix + u'/' + child.slug;
        if (child.isFolder()) {
            auto* folder = new QTreeWidgetItem(parent, {child.name});
            setNode(folder, path, child.name, true);
            folder->setData(0, Qt::AccessibleTextRole, tr("Folder %1").arg(child.name));
            addItems(folder, child.children, path);
            continue;
        }
        auto* item = new QTreeWidgetItem(parent, {QStringLiteral("%1  %2").arg(child.request.method, child.name)});
        setNode(item, path, child.name, false);
        item->setData(0, PathRole, path);
        item->setData(0, Qt::AccessibleTextRole, tr("%1 request %2").arg(child.request.method, child.name));
        item->setToolTip(0, child.request.url);
    }
}

QTreeWidget* WorkspacePanel::tree() const
{
    return m_treeWidget;
}

QString WorkspacePanel::currentPath() const
{
    const QTreeWidgetItem* item = m_treeWidget->currentItem();
    return item ? item->data(0, WorkspaceTreeWidget::NodePathRole).toString() : QString();
}

bool WorkspacePanel::selectPath(const QString& path)
{
    for (QTreeWidgetItemIterator it(m_treeWidget); *it; ++it) {
        if ((*it)->data(0, WorkspaceTreeWidget::NodePathRole).toString() == path) {
            m_treeWidget->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void WorkspacePanel::renameCurrent()
{
    if (QTreeWidgetItem* item = m_treeWidget->currentItem())
        m_treeWidget->editItem(item);
}

// New request / new folder go into the node itself when it holds children, else next to it.
void WorkspacePanel::showContextMenu(const QPoint& globalPosition)
{
    const QTreeWidgetItem* item = m_treeWidget->currentItem();
    if (!item)
        return;
    const QString path = item->data(0, WorkspaceTreeWidget::NodePathRole).toString();
    const QString container = item->data(0, WorkspaceTreeWidget::ContainerRole).toBool()
                                  ? path
                                  : item->parent()->data(0, WorkspaceTreeWidget::NodePathRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("workspaceTreeMenu"));
    menu.addAction(tr("New &request"), this, [this, container] { emit newRequestRequested(container); });
    menu.addAction(tr("New &folder"), this, [this, container] { emit newFolderRequested(container); });
    menu.addSeparator();
    menu.addAction(tr("Re&name"), this, &WorkspacePanel::renameCurrent);
    if (item->parent())
        menu.addAction(tr("&Duplicate"), this, [this, path] { emit duplicateRequested(path); });
    menu.addAction(tr("De&lete"), this, [this, path] { emit deleteRequested(path); });
    menu.exec(globalPosition);
}

QString WorkspacePanel::activeEnvironment() const
{
    return m_environmentComboBox->currentData().toString();
}

} // namespace tb::ui
