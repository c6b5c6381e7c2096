#include "workspace/OpenWorkspace.h"

#include <QtConcurrent/QtConcurrentRun>

namespace tb {

OpenWorkspace::OpenWorkspace(QObject* parent) : QObject(parent)
{
    connect(&m_load, &QFutureWatcher<WorkspaceStore::LoadResult>::finished, this, &OpenWorkspace::finishLoad);
    connect(&m_watcher, &WorkspaceWatcher::changedOnDisk, this, [this](const QStringList& paths) { startLoad(paths); });
}

OpenWorkspace::~OpenWorkspace()
{
    m_load.waitForFinished(); // the worker reads files only; waiting for it on teardown keeps it from outliving us
}

void OpenWorkspace::open(const QString& dir)
{
    m_dir = dir;
    m_open = false;
    m_reload = false;
    startLoad({});
}

void OpenWorkspace::startLoad(const QStringList& changedPaths)
{
    if (m_load.isRunning()) {
        m_pendingChanges << changedPaths;
        return;
    }
    m_reload = m_open;
    m_pendingChanges = changedPaths;
    m_load.setFuture(QtConcurrent::run([dir = m_dir] { return WorkspaceStore::load(dir); }));
}

void OpenWorkspace::finishLoad()
{
    WorkspaceStore::LoadResult result = m_load.result();
    if (!result.ok()) {
        m_open = false;
        emit loadFailed(result.error);
        return;
    }
    m_workspace = std::move(result.workspace);
    m_issues = result.issues;
    if (!m_reload) {
        m_open = true;
        m_watcher.watch(m_dir);
        emit loaded(m_issues);
        return;
    }
    emit reloadedFromDisk(m_pendingChanges);
}

WorkspaceStore::SaveResult OpenWorkspace::save()
{
    WorkspaceStore::SaveResult result = WorkspaceStore::save(m_dir, m_workspace);
    m_watcher.acknowledge();
    return result;
}

} // namespace tb
