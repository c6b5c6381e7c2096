#pragma once

#include <QTreeWidget>

namespace tb::ui {

// The collection tree. Every node carries its path (NodePathRole) and whether it holds children; a drop does not
// move the item itself but asks for the move (moveRequested), which the owner applies to the workspace and then
// shows by rebuilding the tree, so the view never disagrees with the files.
class WorkspaceTreeWidget : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceTreeWidget)

public:
    static constexpr int NodePathRole = Qt::UserRole + 2;  // "collection/folder/request" for every node
    static constexpr int ContainerRole = Qt::UserRole + 3; // true for collections and folders
    static constexpr int NameRole = Qt::UserRole + 4;      // the name alone, what renaming edits

    explicit WorkspaceTreeWidget(QWidget* parent = nullptr);

    struct Placement
    {
        QString parent; // a collection or folder path; empty: no valid place
        int row = 0;
    };
    // Where a drop relative to target lands: on a collection or folder goes inside (at the end), above or below an
    // item goes next to it in the same parent.
    enum class Drop
    {
        On,
        Above,
        Below
    };
    static Placement placement(QTreeWidgetItem* target, Drop drop);

signals:
    void moveRequested(const QString& path, const QString& parent, int row);
    void renameRequested(const QString& path, const QString& name);

protected:
    void dropEvent(QDropEvent* event) override;
};

} // namespace tb::ui
