#pragma once

#include "http/RequestSpec.h"

#include <QObject>
#include <QStringList>

class QMimeData;
class QWidget;

namespace tb {
class OpenWorkspace;
class SecretStore;
} // namespace tb

namespace tb::ui {

// Import and export for the main window: the curl paste box (the request opens as a new tab), Postman collection
// and environment files into the workspace (with a report of what was not mapped), a collection to a Postman v2.1
// file, and copy as curl. It reads and writes through the engine (interop/); the window shows what it says.
class InteropActions : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteropActions)

public:
    // window: the parent of the dialogs. workspace and secrets must outlive this object.
    InteropActions(OpenWorkspace* workspace, SecretStore* secrets, QWidget* window);

    // A paste box for a curl command (as copied from a browser's developer tools); requestImported() on OK.
    void importCurl();
    // Asks for a Postman file, then importFile().
    void importPostman();
    // Imports a Postman collection or environment file into the workspace (once it is open: until then the files
    // wait for importPending()) and reports what was not mapped and which scripts were not run.
    void importFile(const QString& path);
    void importPending();
    // Dropped files: JSON files only (Postman collections and environments), each imported like importFile().
    static bool isImportDrop(const QMimeData* data);
    void importDrop(const QMimeData* data);
    // Asks where to write the named collection, then exportCollection().
    void exportCollectionToFile(const QString& collection);
    // Writes the named collection as a Postman v2.1 file; returns an error for people, empty on success.
    QString exportCollection(const QString& collection, const QString& path);
    // command: the current request as CurlSnippet wrote it (secrets as $VARIABLES, so none reach the clipboard).
    void copyAsCurl(const QString& command);

signals:
    void requestImported(const QString& title, const tb::RequestSpec& request);
    // A secret an import took out of the files: already on its way to the SecretStore; the app may use the value.
    void secretImported(const QString& ref, const QString& value);
    // For the status bar.
    void message(const QString& text, int timeoutMs);

private:
    void showImportReport(const QString& title, const QStringList& created, const QStringList& notes,
                          const QString& error);

    OpenWorkspace* m_workspace;
    SecretStore* m_secrets;
    QWidget* m_window;
    QStringList m_pendingImports;
};

} // namespace tb::ui
