#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace tb {

// Notices changes made to a workspace folder outside the app (a git pull, an editor) while it is open.
// Notifications are coalesced (a pull touches many files at once) and compared with the files' contents, so that
// the app's own saves (see acknowledge()) and touches that change nothing are not reported.
class WorkspaceWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceWatcher)

public:
    explicit WorkspaceWatcher(QObject* parent = nullptr);

    void watch(const QString& dir);
    QString directory() const { return m_dir; }

    // Takes the current contents as known, after the app wrote them itself.
    void acknowledge();

    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }

signals:
    // Files added, removed or changed since the last look, relative to the workspace folder.
    void changedOnDisk(const QStringList& paths);

private:
    void rescan();
    QHash<QString, QByteArray> snapshot(QStringList& dirs) const;

    QString m_dir;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QHash<QString, QByteArray> m_known; // relative path -> content digest
};

} // namespace tb
