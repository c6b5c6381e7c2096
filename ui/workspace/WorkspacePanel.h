#pragma once

#include "workspace/Workspace.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb::ui {

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
    void addHistory(const QString& text, const QString& toolTip);
    QTreeWidget* tree() const { return m_treeWidget; }

signals:
    void requestActivated(const QString& path);
    void environmentChanged(const QString& name); // empty: none

private:
    void addItems(QTreeWidgetItem* parent, const std::vector<CollectionItem>& items, const QString& prefix);

    QComboBox* m_environmentComboBox;
    QTreeWidget* m_treeWidget;
    QLineEdit* m_historySearchLineEdit;
    QListWidget* m_historyListWidget;
};

} // namespace tb::ui
