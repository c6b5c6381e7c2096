#pragma once

#include "workspace/Workspace.h"

#include <QWidget>

class QComboBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb::ui {

class HistoryPanel;
class WorkspaceTreeWidget;

// The left side: the environment switcher, the workspace tree (collections, folders, requests) and the history
// with its search box. It shows the workspace; the main window acts on its signals.
class WorkspacePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspacePanel)

public:
    // Item data role holding a request's path ("collection/folder/request" slugs).
    static constexpr int PathRole = Qt::UserRole + 1;

    explicit WorkspacePanel(QWidget* parent = nullptr);

    void setWorkspace(const Workspace& workspace, const QString& activeEnvironment);
    QString activeEnvironment() const;
    QTreeWidget* tree() const;
    // The selected node's path ("collection/folder/request"), empty when nothing is selected.
    QString currentPath() const;
    bool selectPath(const QString& path);
    void renameCurrent();
    HistoryPanel* historyPanel() const { return m_historyPanel; }

signals:
    void requestActivated(const QString& path);
    void environmentChanged(const QString& name); // empty: none
    void editEnvironmentsRequested();
    // Tree edits the owner applies to the workspace (WorkspaceTree) and then shows with setWorkspace().
    void newRequestRequested(const QString& parent);
    void newFolderRequested(const QString& parent);
    void renameRequested(const QString& path, const QString& name);
    void duplicateRequested(const QString& path);
    void deleteRequested(const QString& path);
    void moveRequested(const QString& path, const QString& parent, int row);

private:
    void addItems(QTreeWidgetItem* parent, const std::vector<CollectionItem>& items, const QString& prefix);
    static void setNode(QTreeWidgetItem* item, const QString& path, const QString& name, bool container);
    void showContextMenu(const QPoint& globalPosition);

    QComboBox* m_environmentComboBox;
    WorkspaceTreeWidget* m_treeWidget;
    HistoryPanel* m_historyPanel;
};

} // namespace tb::ui
