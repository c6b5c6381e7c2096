#pragma once

#include "workspace/WorkspaceStore.h"
#include "workspace/WorkspaceWatcher.h"

#include <QFutureWatcher>
#include <QObject>

namespace tb {

// A workspace the app has open: loads it off the calling thread, saves it, and reloads it when its files change on
// disk (git pull, an editor). What the GUI holds; the CLI uses WorkspaceStore directly.
class OpenWorkspace : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenWorkspace)

public:
    explicit OpenWorkspace(QObject* parent = nullptr);
    ~OpenWorkspace() override;

    // Starts loading; loaded() or loadFailed() follows.
    void open(const QString& dir);
    bool isOpen() const { return m_open; }
    QString directory() const { return m_dir; }
    const Workspace& workspace() const { return m_workspace; }
    Workspace& workspace() { return m_workspace; }
    const QList<FileIssue>& issues() const { return m_issues; }

    // Writes the model; the app's own writes are not reported as external changes.
    WorkspaceStore::SaveResult save();

    WorkspaceWatcher& watcher() { return m_watcher; }

signals:
    void loaded(const QList<tb::FileIssue>& issues);
    void loadFailed(const QString& error);
    // The files changed outside the app and the model was read again.
    void reloadedFromDisk(const QStringList& changedPaths);

private:
    void startLoad(const QStringList& changedPaths);
    void finishLoad();

    QString m_dir;
    bool m_open = false;
    Workspace m_workspace;
    QList<FileIssue> m_issues;
    WorkspaceWatcher m_watcher;
    QFutureWatcher<WorkspaceStore::LoadResult> m_load;
    QStringList m_pendingChanges; // set while a reload caused by external changes runs
    bool m_reload = false;
};

} // namespace tb
