#include "WorkspaceTreeWidget.h"

#include <QDropEvent>
#include <QLineEdit>
#include <QStyledItemDelegate>

namespace tb::ui {

namespace {

// Renaming edits the name alone (a request's row also shows its method) and is applied through the workspace.
class NameDelegate : public QStyledItemDelegate
{
public:
    explicit NameDelegate(WorkspaceTreeWidget* tree) : QStyledItemDelegate(tree), m_tree(tree) {}

    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* lineEdit = qobject_cast<QLineEdit*>(editor)) {
            lineEdit->setObjectName(QStringLiteral("renameLineEdit"));
            lineEdit->setAccessibleName(tr("Name"));
            lineEdit->setText(index.data(WorkspaceTreeWidget::NameRole).toString());
        }
    }

    void setModelData(QWidget* editor, QAbstractItemModel*, const QModelIndex& index) const override
    {
        const auto* lineEdit = qobject_cast<QLineEdit*>(editor);
        if (!lineEdit || lineEdit->text() == index.data(WorkspaceTreeWidget::NameRole).toString())
            return;
        emit m_tree->renameRequested(index.data(WorkspaceTreeWidget::NodePathRole).toString(), lineEdit->text());
    }

private:
    WorkspaceTreeWidget* m_tree;
};

} // namespace

WorkspaceTreeWidget::WorkspaceTreeWidget(QWidget* parent) : QTreeWidget(parent)
{
    setItemDelegate(new NameDelegate(this));
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
}

WorkspaceTreeWidget::Placement WorkspaceTreeWidget::placement(QTreeWidgetItem* target, Drop drop)
{
    if (!target)
        return {};
    const bool container = target->data(0, ContainerRole).toBool();
    const QTreeWidgetItem* parent = target->parent();
    switch (drop) {
    case Drop::On:
        if (container)
            return {target->data(0, NodePathRole).toString(), target->childCount()};
        return {parent->data(0, NodePathRole).toString(), parent->indexOfChild(target) + 1};
    case Drop::Above:
        if (!parent) // collections keep their places; above one means its top
            return {target->data(0, NodePathRole).toString(), 0};
        return {parent->data(0, NodePathRole).toString(), parent->indexOfChild(target)};
    case Drop::Below:
        if (!parent)
            return {target->data(0, NodePathRole).toString(), target->childCount()};
        return {parent->data(0, NodePathRole).toString(), parent->indexOfChild(target) + 1};
    }
    return {};
}

void WorkspaceTreeWidget::dropEvent(QDropEvent* event)
{
    const QTreeWidgetItem* dragged = currentItem();
    Placement place;
    QTreeWidgetItem* target = itemAt(event->position().toPoint());
    switch (dropIndicatorPosition()) {
    case OnItem:
        place = placement(target, Drop::On);
        break;
    case AboveItem:
        place = placement(target, Drop::Above);
        break;
    case BelowItem:
        place = placement(target, Drop::Below);
        break;
    case OnViewport:
        break;
    }
    // Not a move of the view's own rows: the source must not delete the dragged row either.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    if (!dragged || !dragged->parent() || place.parent.isEmpty())
        return; // collections are not moved
    emit moveRequested(dragged->data(0, NodePathRole).toString(), place.parent, place.row);
}

} // namespace tb::ui
