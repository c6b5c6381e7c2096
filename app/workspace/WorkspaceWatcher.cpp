#include "workspace/WorkspaceWatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>

namespace tb {

WorkspaceWatcher::WorkspaceWatcher(QObject* parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_debounce, &QTimer::timeout, this, &WorkspaceWatcher::rescan);
}

void WorkspaceWatcher::watch(const QString& dir)
{
    if (!m_watcher.files().isEmpty()) {
        m_watcher.removePaths(m_watcher.files());
    }
    if (!m_watcher.directories().isEmpty()) {
        m_watcher.removePaths(m_watcher.directories());
    }
    m_dir = QDir(dir).absolutePath();
    acknowledge();
}

void WorkspaceWatcher::acknowledge()
{
    QStringList dirs;
    m_known = snapshot(dirs);
    // Files replaced by a rename (QSaveFile, git) lose their watch: watch everything again.
    QStringList paths = dirs;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        paths << QDir(m_dir).filePath(it.key());
    }
    const QStringList watchedList = m_watcher.files() + m_watcher.directories();
    const QSet<QString> watched(watchedList.begin(), watchedList.end());
    QStringList missing;
    for (const QString& path : paths) {
        if (!watched.contains(path)) {
            missing << path;
        }
    }
    if (!missing.isEmpty()) {
        m_watcher.addPaths(missing);
    }
}

QHash<QString, QByteArray> WorkspaceWatcher::snapshot(QStringList& dirs) const
{
    QHash<QString, QByteArray> files;
    if (m_dir.isEmpty()) {
        return files;
    }
    dirs << m_dir;
    const QDir root(m_dir);
    // Hidden entries (.git, editor swap files) are not part of the workspace.
    QDirIterator it(m_dir, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (root.relativeFilePath(path).contains(u"/.") || info.fileName().startsWith(u'.')) {
            continue;
        }
        if (info.isDir()) {
            dirs << path;
        } else if (info.fileName().endsWith(u".json")) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                files.insert(root.relativeFilePath(path),
                             QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1));
            }
        }
    }
    return files;
}

void WorkspaceWatcher::rescan()
{
    const QHash<QString, QByteArray> before = m_known;
    acknowledge();
    QStringList changed;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (before.value(it.key()) != it.value()) {
            changed << it.key();
        }
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!m_known.contains(it.key())) {
            changed << it.key();
        }
    }
    if (!changed.isEmpty()) {
        changed.sort();
        emit changedOnDisk(changed);
    }
}

} // namespace tb
