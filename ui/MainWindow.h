#pragma once

#include "core/Clock.h"
#include "http/RequestSpec.h"
#include "http/VariableResolver.h"
#include "secrets/SecretStore.h"
#include "workspace/History.h"
#include "workspace/OpenWorkspace.h"
#include "workspace/WorkspaceTree.h"

#include <QMainWindow>
#include <QMessageBox>

#include <QPointer>

#include <functional>
#include <map>
#include <memory>

class QDockWidget;
class QLabel;
class QNetworkAccessManager;
class QSettings;
class QTabWidget;
class QUndoStack;

namespace tb {
class ActiveVariables;
class EnvironmentDraft;
class OAuthProfile;
class TokenManager;
} // namespace tb

namespace tb::ui {

class AutoRefreshMemory;
class InteropActions;
class LocalServerController;
class LocalServerDock;
class ProfileEditing;
class CurlSnippetView;
class RequestRunner;
class RequestTab;
class TabSession;
class TokenDock;
class WorkspacePanel;

// The main window: workspace, environments and history on the left, request tabs in the centre, docks for the
// token manager and the local server, and the status bar. It wires engine objects to views; it does no HTTP,
// OAuth or storage itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options
    {
        QString workspaceDir;       // --workspace; empty: the default workspace
        QString settingsPath;       // an INI file; empty: the platform's settings (tests pass a temporary file)
        bool memorySecrets = false; // keep secrets in memory only (tests); otherwise the system keychain
        Clock* clock = nullptr;     // the engine's clock for tokens (tests pass a MockClock); null: the system clock
        // The in-process local server (tests: port 0, few PBKDF2 iterations, a clock they move).
        int localServerPort = -1; // -1: the port chosen in the panel (8000 at first)
        int localServerIterations = 0;
        std::function<qint64()> localServerClock = {};
        // The history database; empty: next to settingsPath when that is given (a private profile), else
        // History::defaultPath().
        QString historyPath = QString();
    };

    MainWindow();
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Asked before a tab with unsaved changes closes: Save, Discard or Cancel. Tests replace the dialog.
    using UnsavedPrompt = std::function<QMessageBox::StandardButton(const QString& title)>;
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }

    RequestTab* currentTab() const;
    RequestTab* openRequest(const QString& title, const RequestSpec& spec, const QString& path = {});
    // Opens the workspace request at path ("collection/folder/request"), or focuses its tab.
    RequestTab* openWorkspaceRequest(const QString& path);
    OpenWorkspace& workspace() { return m_workspace; }
    SecretStore* secretStore() const { return m_secrets.get(); }
    History* history() const { return m_history.get(); }
    QString environment() const { return m_environment; }
    void setEnvironment(const QString& name);
    bool closeTab(int index);
    int tabCount() const;
    VariableResolver& variables();
    TokenManager* tokenManager() const { return m_tokens.get(); }
    TokenDock* tokenDock() const { return m_tokenDock; }
    LocalServerController* localServer() const { return m_localServer; }
    // Variables changed (environment switched or edited): recolour the URL lines.
    void variablesChanged();
    // Imports a Postman collection or environment file into the workspace (once it is open) and reports what was
    // not mapped and which scripts were not run.
    void importFile(const QString& path);
    // Writes the named collection as a Postman v2.1 file; returns an error for people, empty on success.
    QString exportCollection(const QString& collection, const QString& path);
    // The current request as a curl command; secrets (variables and literals) as $VARIABLES.
    QString currentCurl() const;
    QUndoStack* undoStack() const { return m_undoStack; }
    // Sends GET url in a new tab and, once the body shows, prints "shown_ms=N peak_rss_kb=N" and quits.
    void benchmarkLoad(const QString& url);

public slots:
    void newRequest();
    // Ctrl+S: a workspace request is written back; a scratch request (new, imported, from history) asks where.
    void saveCurrent();
    // Ctrl+Shift+S: the current request as a new workspace request (a copy when it is saved already); the tab then
    // edits that one.
    void saveCurrentAs();
    void closeCurrentTab();
    void sendCurrent();
    void cancelCurrent();
    void showCommandPalette();
    void importCurl();
    void copyAsCurl();
    void showLocalServer();
    void startLocalServer();
    void openDemoWorkspace();
    // The profile editor for name (empty: a new profile); saving writes auth/<slug>.json and the typed secrets.
    void editProfile(const QString& name);
    void editEnvironments();
    void importPostman();
    void exportCollectionToFile();
    void focusHistorySearch();
    void showTokenManager();
    void nextTab();
    void focusUrl();
    // Tree edits of the selected node (the context menu has the same), each undoable with Ctrl+Z.
    void newRequestInTree();
    void newFolderInTree();
    void renameInTree();
    void duplicateInTree();
    void deleteInTree();

signals:
    // The main window has painted once (for --exit-after-startup and start-up measurements).
    void firstPainted();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool event(QEvent* event) override;

private:
    void createLeftPanel();
    void connectTreeEdits();
    void workspaceLoaded();
    void updateLocalServerLayer();
    void createStatusBar();
    std::unique_ptr<SecretStore> selectSecretStore();
    void createTokenDock();
    void createLocalServer();
    void localServerStateChanged();
    void applyProfiles();
    void updateAuthEditors();
    // readSecrets: first read the secret variables of the request's collection and folders that are not known yet.
    void sendTab(RequestTab* tab, bool readSecrets);
    void updateTabTitle(RequestTab* tab);
    bool saveToWorkspace(RequestTab* tab);
    // Saves a workspace-backed tab; false (with the reason in the status bar) when it could not be written.
    bool saveTab(RequestTab* tab);
    // The Save as dialog for tab; saved runs once the request is in the workspace and the tab edits it.
    void saveTabAs(RequestTab* tab, const std::function<void()>& saved = {});
    void reopenFromHistory(qint64 id);
    void updateCurlSnippet();
    void applyEnvironments(const EnvironmentDraft& draft);
    // Saves the workspace model, hands the secrets the save took out of it to the SecretStore and shows the
    // result in the left panel. False (with the error in the status bar) when the files could not be written.
    bool commitWorkspace();
    // Applies edit to the workspace, saves, and pushes an undo step. fromPath: the node whose path the edit
    // changes (a move), so open tabs follow it.
    WorkspaceTree::Result editTree(const QString& text, const std::function<WorkspaceTree::Result(Workspace&)>& edit,
                                   const QString& fromPath = {});
    // Open tabs follow a moved node (from -> to) and renamed or deleted requests.
    void syncTabsWithTree(const QString& from, const QString& to);
    QString selectedContainer() const;
    void saveTabs();
    void restoreTabs();

    Options m_options;
    std::unique_ptr<SecretStore> m_secrets;
    OpenWorkspace m_workspace;
    QString m_environment;
    Clock* m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenManager> m_tokens;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ActiveVariables> m_variables; // the requests' globals, environment and secret values
    std::unique_ptr<History> m_history;
    std::unique_ptr<RequestRunner> m_runner; // after the history and the tokens it uses: it goes first
    UnsavedPrompt m_unsavedPrompt;
    bool m_painted = false;
    QList<QAction*> m_commands;
    QUndoStack* m_undoStack;
    std::unique_ptr<TabSession> m_tabSession;
    InteropActions* m_interop;
    ProfileEditing* m_profileEditing;

    QTabWidget* m_tabWidget;
    WorkspacePanel* m_workspacePanel;
    TokenDock* m_tokenDock;
    AutoRefreshMemory* m_autoRefreshMemory;
    LocalServerController* m_localServer;
    LocalServerDock* m_localServerDock;
    CurlSnippetView* m_curlSnippetView;
    QDockWidget* m_curlSnippetDock;
    QLabel* m_environmentStatusLabel;
    QLabel* m_secretStoreStatusLabel;
    QLabel* m_serverStatusLabel;
};

} // namespace tb::ui
