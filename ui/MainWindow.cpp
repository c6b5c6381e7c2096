#include "MainWindow.h"

#include "CommandPalette.h"
#include "LoadBenchmark.h"
#include "MainMenus.h"
#include "RequestTab.h"
#include "SecretStoreChoice.h"
#include "TabSession.h"
#include "auth/AutoRefreshMemory.h"
#include "auth/ProfileEditing.h"
#include "auth/TokenDock.h"
#include "auth/TokenManager.h"
#include "auth/WorkspaceProfiles.h"
#include "core/Clock.h"
#include "environment/EnvironmentEditor.h"
#include "history/HistoryPanel.h"
#include "interop/CurlSnippet.h"
#include "interop/CurlSnippetView.h"
#include "interop/InteropActions.h"
#include "request/AuthEditor.h"
#include "request/RequestEditor.h"
#include "request/RequestRunner.h"
#include "request/VariableLineEdit.h"
#include "response/ResponseView.h"
#include "secrets/MemorySecretStore.h"
#include "server/LocalServerController.h"
#include "server/LocalServerDock.h"
#include "server/LocalServerPanel.h"
#include "workspace/ActiveVariables.h"
#include "workspace/EnvironmentDraft.h"
#include "workspace/RequestContext.h"
#include "workspace/RequestLocation.h"
#include "workspace/SaveRequestDialog.h"
#include "workspace/StartupWorkspace.h"
#include "workspace/WorkspaceEditCommand.h"
#include "workspace/WorkspacePanel.h"
#include "workspace/WorkspaceTreeWidget.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUndoStack>

namespace tb::ui {

using namespace Qt::StringLiterals;

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kEnvironmentKey = QStringLiteral("session/environment");
const QString kServerAutoStartKey = QStringLiteral("localServer/startWithApp");
// tokenbench.json's id of resources/demo/workspace: its {{base_url}} follows the in-process server.
const QString kDemoWorkspaceId = QStringLiteral("tokenbench-demo");

} // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent), m_options(options), m_clock(options.clock ? options.clock : Clock::system())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Tokenbench"));
    m_settings = options.settingsPath.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(options.settingsPath, QSettings::IniFormat);
    m_tabSession = std::make_unique<TabSession>(m_settings.get());
    m_unsavedPrompt = [this](const QString& title) {
        return QMessageBox::question(this, tr("Unsaved changes"),
                                     tr("“%1” has unsaved changes. Save them before closing?").arg(title),
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };

    if (options.memorySecrets)
        m_secrets = std::make_unique<MemorySecretStore>();
    else
        m_secrets = selectSecretStore();
    m_variables = std::make_unique<ActiveVariables>(m_secrets.get());
    m_interop = new InteropActions(&m_workspace, m_secrets.get(), this);
    connect(m_interop, &InteropActions::requestImported, this,
            [this](const QString& title, const RequestSpec& request) { openRequest(title, request); });
    connect(m_interop, &InteropActions::secretImported, this,
            [this](const QString& ref, const QString& value) { m_variables->setSecretValue(ref, value); });
    connect(m_interop, &InteropActions::message, statusBar(), &QStatusBar::showMessage);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<TokenManager>(m_secrets.get(), m_network.get(), m_clock);
    m_tokens->setUrlOpener([](const QUrl& url) { return QDesktopServices::openUrl(url); });
    m_profileEditing = new ProfileEditing(&m_workspace, m_secrets.get(), m_tokens.get(), m_network.get(), m_clock,
                                          &m_variables->resolver(), this);
    connect(m_profileEditing, &ProfileEditing::message, statusBar(), &QStatusBar::showMessage);
    connect(m_profileEditing, &ProfileEditing::saved, this, [this](const QString& profile) {
        applyProfiles();
        m_tokenDock->selectProfile(profile);
    });

    m_tabWidget = new QTabWidget(this);
    m_tabWidget->setObjectName(QStringLiteral("requestTabWidget"));
    m_tabWidget->setAccessibleName(tr("Open requests"));
    m_tabWidget->setTabsClosable(true);
    m_tabWidget->setMovable(true);
    m_tabWidget->setDocumentMode(true);
    setCentralWidget(m_tabWidget);
    setAcceptDrops(true);
    connect(m_tabWidget, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    QString historyPath = options.historyPath;
    if (historyPath.isEmpty())
        historyPath = options.settingsPath.isEmpty()
                          ? History::defaultPath()
                          : QFileInfo(options.settingsPath).dir().filePath(QStringLiteral("history.sqlite"));
    m_history = std::make_unique<History>(historyPath, *Clock::system()); // real time: ages are real
    m_runner = std::make_unique<RequestRunner>(m_tokens.get(), m_history.get(), &m_variables->secretValues());
    connect(m_runner.get(), &RequestRunner::recordFailed, this, [this](const QString& error) {
        statusBar()->showMessage(tr("Could not record the request in the history: %1").arg(error), 5000);
    });
    m_undoStack = new QUndoStack(this);
    const QString historyError = m_history->open();

    createLeftPanel();
    createTokenDock();
    createLocalServer();
    m_commands = MainMenus::create(this, {m_undoStack, m_workspacePanel->tree(), m_curlSnippetDock});
    createStatusBar();
    connect(m_variables.get(), &ActiveVariables::changed, this, [this] {
        variablesChanged();
        applyProfiles();
    });
    resize(1280, 820);
    restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
    restoreState(m_settings->value(kStateKey).toByteArray());
    restoreTabs();
    if (m_tabWidget->count() == 0)
        newRequest();
    if (!historyError.isEmpty())
        statusBar()->showMessage(tr("History is off: %1").arg(historyError));

    connect(&m_workspace, &OpenWorkspace::loaded, this, &MainWindow::workspaceLoaded);
    connect(&m_workspace, &OpenWorkspace::reloadedFromDisk, this, &MainWindow::workspaceLoaded);
    connect(&m_workspace, &OpenWorkspace::loadFailed, this, [this](const QString& error) {
        statusBar()->showMessage(tr("Could not open the workspace: %1").arg(error));
    });
    StartupWorkspace startup(m_settings.get(), m_secrets.get(), this);
    const QString dir = options.workspaceDir.isEmpty() ? startup.choose() : options.workspaceDir;
    if (!dir.isEmpty())
        m_workspace.open(dir);
    else if (!startup.error().isEmpty())
        statusBar()->showMessage(startup.error());
    // First run: the demo workspace and the server it talks to, so the seed's story works without setup.
    if (startup.firstRun())
        m_settings->setValue(kServerAutoStartKey, true);
    if (m_settings->value(kServerAutoStartKey, false).toBool())
        startLocalServer();
}

// The system keychain when it answers, else the encrypted vault (its passphrase asked once); secrets used before the
// choice is made wait for it. The status bar says which store holds them.
std::unique_ptr<SecretStore> MainWindow::selectSecretStore()
{
    return SecretStoreChoice::make(this, [this](const SecretStoreChoice::Outcome& outcome) {
        m_secretStoreStatusLabel->setText(tr("Secrets: %1").arg(outcome.description));
        m_secretStoreStatusLabel->setToolTip(outcome.notes.join(u'\n'));
        if (!outcome.error.isEmpty())
            statusBar()->showMessage(outcome.error, 15000);
    });
}

MainWindow::MainWindow() : MainWindow(Options()) {}

MainWindow::~MainWindow()
{
    // Children hide and tabs go while QWidget's destructor runs, after ours: no calls back into this half-gone window.
    disconnect(m_curlSnippetDock, nullptr, this, nullptr);
    disconnect(m_tabWidget, nullptr, this, nullptr);
}

void MainWindow::createLeftPanel()
{
    m_workspacePanel = new WorkspacePanel(this);
    auto* dock = new QDockWidget(tr("Workspace"), this);
    dock->setObjectName(QStringLiteral("workspaceDockWidget"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    dock->setWidget(m_workspacePanel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_workspacePanel, &WorkspacePanel::requestActivated, this, &MainWindow::openWorkspaceRequest);
    connect(m_workspacePanel, &WorkspacePanel::environmentChanged, this, &MainWindow::setEnvironment);
    connect(m_workspacePanel, &WorkspacePanel::editEnvironmentsRequested, this, &MainWindow::editEnvironments);
    connect(m_workspacePanel->historyPanel(), &HistoryPanel::entryActivated, this, &MainWindow::reopenFromHistory);
    m_workspacePanel->historyPanel()->setHistory(m_history.get());
    connect(m_runner.get(), &RequestRunner::recorded, m_workspacePanel->historyPanel(), &HistoryPanel::refresh);
    connectTreeEdits();

    m_curlSnippetView = new CurlSnippetView(this);
    m_curlSnippetDock = new QDockWidget(tr("curl"), this);
    m_curlSnippetDock->setObjectName(QStringLiteral("curlSnippetDockWidget"));
    m_curlSnippetDock->setWidget(m_curlSnippetView);
    addDockWidget(Qt::BottomDockWidgetArea, m_curlSnippetDock);
    m_curlSnippetDock->hide();
    connect(m_curlSnippetDock, &QDockWidget::visibilityChanged, this, &MainWindow::updateCurlSnippet);
    connect(m_tabWidget, &QTabWidget::currentChanged, this, &MainWindow::updateCurlSnippet);
}

// Every tree edit goes through editTree(): applied to the model, saved, and undoable.
void MainWindow::connectTreeEdits()
{
    connect(m_workspacePanel, &WorkspacePanel::newRequestRequested, this, [this](const QString& parent) {
        const auto result = editTree(tr("New request"), [this, parent](Workspace& workspace) {
            return WorkspaceTree::addRequest(workspace, parent, tr("New request"));
        });
        if (result.ok())
            openWorkspaceRequest(result.path);
    });
    connect(m_workspacePanel, &WorkspacePanel::newFolderRequested, this, [this](const QString& parent) {
        editTree(tr("New folder"), [this, parent](Workspace& workspace) {
            return WorkspaceTree::addFolder(workspace, parent, tr("New folder"));
        });
    });
    connect(m_workspacePanel, &WorkspacePanel::renameRequested, this, [this](const QString& path, const QString& name) {
        editTree(tr("Rename"), [&](Workspace& workspace) { return WorkspaceTree::rename(workspace, path, name); });
    });
    connect(m_workspacePanel, &WorkspacePanel::duplicateRequested, this, [this](const QString& path) {
        editTree(tr("Duplicate"), [&](Workspace& workspace) { return WorkspaceTree::duplicate(workspace, path); });
    });
    connect(m_workspacePanel, &WorkspacePanel::deleteRequested, this, [this](const QString& path) {
        editTree(tr("Delete"), [&](Workspace& workspace) { return WorkspaceTree::remove(workspace, path); });
    });
    // Queued: the drop that asks for the move is still running inside the tree that the move rebuilds.
    connect(
        m_workspacePanel, &WorkspacePanel::moveRequested, this,
        [this](const QString& path, const QString& parent, int row) {
            editTree(
                tr("Move"), [&](Workspace& workspace) { return WorkspaceTree::move(workspace, path, parent, row); },
                path);
        },
        Qt::QueuedConnection);
}

void MainWindow::workspaceLoaded()
{
    const Workspace& workspace = m_workspace.workspace();
    if (m_environment.isEmpty() || !workspace.environment(m_environment))
        m_environment = m_settings->value(kEnvironmentKey, workspace.defaultEnvironment).toString();
    m_workspacePanel->setWorkspace(workspace, m_environment);
    setWindowTitle(workspace.name.isEmpty() ? QStringLiteral("Tokenbench")
                                            : QStringLiteral("%1 — Tokenbench").arg(workspace.name));
    // Tabs of workspace requests show the saved request (the settings hold only a redacted copy).
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (!tab || tab->path().isEmpty() || tab->isDirty())
            continue; // unsaved edits are the user's: a reload must not drop them
        if (auto location = RequestLocation::find(workspace, tab->path(), nullptr)) {
            tab->editor()->setSpec(location->item->request);
            tab->markSaved();
        }
    }
    updateLocalServerLayer();
    setEnvironment(m_environment);
    m_interop->importPending();
}

void MainWindow::setEnvironment(const QString& name)
{
    m_environment = name;
    m_settings->setValue(kEnvironmentKey, name);
    m_environmentStatusLabel->setText(name.isEmpty() ? tr("Environment: none") : tr("Environment: %1").arg(name));
    const Environment* environment = m_workspace.workspace().environment(name);
    m_variables->setEnvironment(environment ? std::optional<Environment>(*environment) : std::nullopt);
}

// The demo workspace talks to the in-process server wherever it listens (its environment says port 8000).
void MainWindow::updateLocalServerLayer()
{
    QHash<QString, QString> local;
    if (m_localServer->state() == LocalServerController::State::Running &&
        m_workspace.workspace().id == kDemoWorkspaceId)
        local.insert(QStringLiteral("base_url"), m_localServer->baseUrl().toString(QUrl::StripTrailingSlash));
    m_variables->setOverrides(QStringLiteral("localServer"), local);
}

void MainWindow::createTokenDock()
{
    m_tokenDock = new TokenDock(m_tokens.get(), m_clock, this);
    m_autoRefreshMemory = new AutoRefreshMemory(m_tokens.get(), m_settings.get(), this);
    auto* dock = new QDockWidget(tr("Token manager"), this);
    dock->setObjectName(QStringLiteral("tokenManagerDockWidget"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                      QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_tokenDock);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_tokenDock, &TokenDock::summariesChanged, this, &MainWindow::updateAuthEditors);
    connect(m_tokenDock, &TokenDock::editProfileRequested, this, &MainWindow::editProfile);
}

void MainWindow::editProfile(const QString& name)
{
    m_profileEditing->edit(name);
}

void MainWindow::createLocalServer()
{
    m_localServer = new LocalServerController(this);
    LocalServerDock::Overrides overrides{m_options.localServerPort, m_options.localServerIterations,
                                         m_options.localServerClock};
    // --ephemeral keeps the server's tokens in memory like the app's own; otherwise they sit beside the history.
    if (!m_options.memorySecrets)
        overrides.databasePath = QFileInfo(m_history->path()).dir().filePath(u"local-server.sqlite3"_s);
    m_localServerDock = new LocalServerDock(m_localServer, m_tokenDock->clipboard(), m_settings.get(), overrides, this);
    addDockWidget(Qt::RightDockWidgetArea, m_localServerDock);
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("tokenManagerDockWidget")), m_localServerDock);
    m_localServerDock->hide();
    connect(m_localServerDock->panel(), &LocalServerPanel::openDemoWorkspaceRequested, this,
            &MainWindow::openDemoWorkspace);
    connect(m_localServer, &LocalServerController::stateChanged, this, &MainWindow::localServerStateChanged);
}

void MainWindow::showLocalServer()
{
    m_localServerDock->showAndFocus();
}

void MainWindow::startLocalServer()
{
    m_localServerDock->start();
}

void MainWindow::localServerStateChanged()
{
    const bool running = m_localServer->state() == LocalServerController::State::Running;
    m_serverStatusLabel->setText(running ? tr("Local server: %1").arg(m_localServer->baseUrl().toString())
                                         : tr("Local server: %1").arg(m_localServer->describe().toLower()));
    if (running)
        m_variables->setGlobal(QStringLiteral("local_server_url"),
                               m_localServer->baseUrl().toString(QUrl::StripTrailingSlash));
    else
        m_variables->removeGlobal(QStringLiteral("local_server_url"));
    updateLocalServerLayer();
}

// Opens the demo workspace (copied to the app's data folder the first time) and starts the server it talks to.
void MainWindow::openDemoWorkspace()
{
    if (m_workspace.workspace().id != kDemoWorkspaceId) {
        StartupWorkspace startup(m_settings.get(), m_secrets.get(), this);
        const QString dir = startup.demo();
        if (dir.isEmpty()) {
            statusBar()->showMessage(startup.error());
            return;
        }
        m_workspace.open(dir);
    }
    if (m_localServer->state() != LocalServerController::State::Running)
        startLocalServer();
}

// The workspace's OAuth profiles, resolved with the variables in effect, go to the TokenManager.
void MainWindow::applyProfiles()
{
    const QHash<QString, QString> problems =
        WorkspaceProfiles::apply(*m_tokens, m_workspace.workspace(), m_variables->resolver());
    m_autoRefreshMemory->restore();
    m_tokenDock->reloadProfiles(problems);
    const QStringList names = m_tokens->profileNames();
    for (int i = 0; i < m_tabWidget->count(); ++i)
        if (auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i)))
            tab->editor()->authEditor()->setProfileNames(names);
    updateAuthEditors();
}

// The Auth tab of each request using an OAuth profile shows that profile's live token state.
void MainWindow::updateAuthEditors()
{
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (!tab)
            continue;
        AuthEditor* auth = tab->editor()->authEditor();
        const AuthSpec spec = auth->auth();
        if (spec.kind == AuthSpec::Kind::OAuth2)
            auth->setTokenState(spec.oauthProfile.isEmpty() ? tr("Choose a profile")
                                                            : m_tokenDock->summary(spec.oauthProfile));
    }
}

void MainWindow::showTokenManager()
{
    auto* dock = findChild<QDockWidget*>(QStringLiteral("tokenManagerDockWidget"));
    dock->show();
    dock->raise();
    m_tokenDock->setFocus();
}

void MainWindow::nextTab()
{
    m_tabWidget->setCurrentIndex((m_tabWidget->currentIndex() + 1) % qMax(1, m_tabWidget->count()));
}

void MainWindow::focusUrl()
{
    if (RequestTab* tab = currentTab()) {
        tab->editor()->urlLineEdit()->setFocus();
        tab->editor()->urlLineEdit()->selectAll();
    }
}

void MainWindow::createStatusBar()
{
    const auto label = [this](const QString& objectName, const QString& accessibleName) {
        auto* l = new QLabel(this);
        l->setObjectName(objectName);
        l->setAccessibleName(accessibleName);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_environmentStatusLabel = label(QStringLiteral("environmentStatusLabel"), tr("Active environment"));
    m_secretStoreStatusLabel = label(QStringLiteral("secretStoreStatusLabel"), tr("Secret store"));
    m_serverStatusLabel = label(QStringLiteral("serverStatusLabel"), tr("Local server"));
    m_environmentStatusLabel->setText(tr("Environment: none"));
    m_secretStoreStatusLabel->setText(tr("Secrets: %1").arg(m_secrets->description()));
    m_serverStatusLabel->setText(tr("Local server: stopped"));
}

RequestTab* MainWindow::currentTab() const
{
    return qobject_cast<RequestTab*>(m_tabWidget->currentWidget());
}

int MainWindow::tabCount() const
{
    return m_tabWidget->count();
}

RequestTab* MainWindow::openWorkspaceRequest(const QString& path)
{
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (tab && tab->path() == path) {
            m_tabWidget->setCurrentIndex(i);
            return tab;
        }
    }
    QString error;
    const auto location = RequestLocation::find(m_workspace.workspace(), path, &error);
    if (!location) {
        statusBar()->showMessage(error, 5000);
        return nullptr;
    }
    return openRequest(location->item->name, location->item->request, location->path());
}

RequestTab* MainWindow::openRequest(const QString& title, const RequestSpec& spec, const QString& path)
{
    auto* tab = new RequestTab(title, spec, m_tabWidget);
    tab->setPath(path);
    tab->editor()->urlLineEdit()->setVariables(&m_variables->resolver(), m_variables->secretNames());
    tab->editor()->authEditor()->setProfileNames(m_tokens->profileNames());
    connect(tab->editor()->authEditor(), &AuthEditor::edited, this, &MainWindow::updateAuthEditors);
    connect(tab, &RequestTab::dirtyChanged, this, [this, tab] { updateTabTitle(tab); });
    connect(tab->editor(), &RequestEditor::sendRequested, this, &MainWindow::sendCurrent);
    connect(tab->editor(), &RequestEditor::cancelRequested, this, &MainWindow::cancelCurrent);
    connect(tab->editor(), &RequestEditor::edited, this, &MainWindow::updateCurlSnippet);
    m_tabWidget->setCurrentIndex(m_tabWidget->addTab(tab, title));
    updateTabTitle(tab);
    return tab;
}

void MainWindow::updateTabTitle(RequestTab* tab)
{
    const int index = m_tabWidget->indexOf(tab);
    if (index < 0)
        return;
    // A leading dot marks unsaved changes, like most editors; the accessible name says it in words.
    m_tabWidget->setTabText(index, tab->isDirty() ? QStringLiteral("● ") + tab->title() : tab->title());
    m_tabWidget->setTabToolTip(index, tab->isDirty() ? tr("%1 (unsaved changes)").arg(tab->title()) : tab->title());
}

VariableResolver& MainWindow::variables()
{
    return m_variables->resolver();
}

void MainWindow::variablesChanged()
{
    for (int i = 0; i < m_tabWidget->count(); ++i)
        if (auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i)))
            tab->editor()->urlLineEdit()->setVariables(&m_variables->resolver(), m_variables->secretNames());
}

void MainWindow::newRequest()
{
    openRequest(tr("New request"), {});
}

void MainWindow::saveCurrent()
{
    RequestTab* tab = currentTab();
    if (!tab)
        return;
    if (tab->path().isEmpty())
        saveTabAs(tab);
    else
        saveTab(tab);
}

void MainWindow::saveCurrentAs()
{
    if (RequestTab* tab = currentTab())
        saveTabAs(tab);
}

bool MainWindow::saveTab(RequestTab* tab)
{
    if (m_workspace.isOpen() && !saveToWorkspace(tab))
        return false;
    tab->markSaved();
    saveTabs();
    statusBar()->showMessage(tr("Saved “%1”").arg(tab->title()), 3000);
    return true;
}

// The request goes in through editTree() like every tree edit (saved, undoable); the save moves inline secrets into
// secret variables of the collection (the SecretStore gets their values), so the tab then shows what the files hold.
void MainWindow::saveTabAs(RequestTab* tab, const std::function<void()>& saved)
{
    if (!m_workspace.isOpen()) {
        statusBar()->showMessage(tr("Open a workspace first: requests are saved in it"), 5000);
        return;
    }
    auto* dialog = new SaveRequestDialog(
        m_workspace.workspace(), selectedContainer(), tab->title(),
        [this](const QString& container, const QString& name) {
            return WorkspaceTree::checkNewName(m_workspace.workspace(), container, name);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, tab = QPointer<RequestTab>(tab), saved] {
        if (!tab)
            return;
        const QString container = dialog->container();
        const QString name = dialog->name();
        const RequestSpec spec = tab->editor()->spec();
        const WorkspaceTree::Result result = editTree(tr("Save as “%1”").arg(name), [&](Workspace& workspace) {
            return WorkspaceTree::saveRequestAs(workspace, container, name, spec);
        });
        const auto location =
            result.ok() ? RequestLocation::find(m_workspace.workspace(), result.path, nullptr) : std::nullopt;
        if (!location)
            return; // editTree said why in the status bar
        tab->setPath(result.path);
        tab->setTitle(location->item->name);
        tab->editor()->setSpec(location->item->request);
        tab->markSaved();
        updateTabTitle(tab);
        saveTabs();
        statusBar()->showMessage(tr("Saved “%1”").arg(tab->title()), 3000);
        if (saved)
            saved();
    });
    dialog->open();
}

// Writes the tab's request into its workspace item; secrets the save pulled out of the files go to the store.
bool MainWindow::saveToWorkspace(RequestTab* tab)
{
    QString error;
    const auto location = RequestLocation::find(m_workspace.workspace(), tab->path(), &error);
    if (!location) {
        statusBar()->showMessage(tr("Could not save: %1").arg(error), 5000);
        return false;
    }
    // find() takes a const workspace; the item lives in our own (mutable) model.
    const_cast<CollectionItem*>(location->item)->request = tab->editor()->spec();
    return commitWorkspace();
}

bool MainWindow::commitWorkspace()
{
    const WorkspaceStore::SaveResult result = m_workspace.save();
    if (!result.ok()) {
        statusBar()->showMessage(tr("Could not save: %1").arg(result.error), 5000);
        return false;
    }
    for (const auto& secret : result.secrets) {
        m_variables->setSecretValue(secret.ref, secret.value);
        m_secrets->write(secret.ref, secret.value.toUtf8(), this, [this](const SecretResult& written) {
            if (!written.ok())
                statusBar()->showMessage(tr("Could not store a secret: %1").arg(written.error), 8000);
        });
    }
    m_workspacePanel->setWorkspace(m_workspace.workspace(), m_environment);
    return true;
}

WorkspaceTree::Result MainWindow::editTree(const QString& text,
                                           const std::function<WorkspaceTree::Result(Workspace&)>& edit,
                                           const QString& fromPath)
{
    if (!m_workspace.isOpen())
        return {tr("No workspace is open."), {}};
    Workspace& workspace = m_workspace.workspace();
    std::vector<Collection> before = workspace.collections;
    const WorkspaceTree::Result result = edit(workspace);
    if (!result.ok()) {
        statusBar()->showMessage(result.error, 5000);
        return result;
    }
    if (!commitWorkspace()) {
        workspace.collections = before;
        return {tr("The workspace could not be saved."), {}};
    }
    const QString toPath = fromPath.isEmpty() ? QString() : result.path;
    syncTabsWithTree(fromPath, toPath);
    if (!result.path.isEmpty())
        m_workspacePanel->selectPath(result.path);
    m_undoStack->push(new WorkspaceEditCommand(
        text, std::move(before), workspace.collections, fromPath, toPath,
        [this](const std::vector<Collection>& collections, const QString& from, const QString& to) {
            m_workspace.workspace().collections = collections;
            if (commitWorkspace())
                syncTabsWithTree(from, to);
        }));
    return result;
}

void MainWindow::syncTabsWithTree(const QString& from, const QString& to)
{
    const Workspace& workspace = m_workspace.workspace();
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (!tab || tab->path().isEmpty())
            continue;
        if (!from.isEmpty() && (tab->path() == from || tab->path().startsWith(from + u'/')))
            tab->setPath(to + tab->path().mid(from.size()));
        const auto location = RequestLocation::find(workspace, tab->path(), nullptr);
        if (!location) {
            tab->setPath({}); // deleted: the tab stays open as a scratch request
            continue;
        }
        if (tab->title() != location->item->name) {
            tab->setTitle(location->item->name);
            updateTabTitle(tab);
        }
    }
    saveTabs();
}

QString MainWindow::selectedContainer() const
{
    const QTreeWidgetItem* item = m_workspacePanel->tree()->currentItem();
    if (!item) {
        const auto& collections = m_workspace.workspace().collections;
        return collections.empty() ? QString() : collections.front().slug;
    }
    if (!item->data(0, WorkspaceTreeWidget::ContainerRole).toBool())
        item = item->parent();
    return item->data(0, WorkspaceTreeWidget::NodePathRole).toString();
}

void MainWindow::newRequestInTree()
{
    emit m_workspacePanel->newRequestRequested(selectedContainer());
}

void MainWindow::newFolderInTree()
{
    emit m_workspacePanel->newFolderRequested(selectedContainer());
}

void MainWindow::renameInTree()
{
    m_workspacePanel->renameCurrent();
}

void MainWindow::duplicateInTree()
{
    if (const QString path = m_workspacePanel->currentPath(); path.contains(u'/'))
        emit m_workspacePanel->duplicateRequested(path);
}

void MainWindow::deleteInTree()
{
    if (const QString path = m_workspacePanel->currentPath(); !path.isEmpty())
        emit m_workspacePanel->deleteRequested(path);
}

void MainWindow::editEnvironments()
{
    auto* editor = new EnvironmentEditor(m_workspace.workspace().environments, m_secrets.get(), m_environment, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] { applyEnvironments(editor->draft()); });
    editor->open();
}

// The draft replaces the environments; the switcher, the active environment (renamed or deleted) and the resolved
// variables follow. Secrets no environment uses any more leave the SecretStore.
void MainWindow::applyEnvironments(const EnvironmentDraft& draft)
{
    Workspace& workspace = m_workspace.workspace();
    const QList<Environment> before = workspace.environments;
    const QHash<QString, QString> renamed = draft.apply(workspace);
    if (renamed.contains(m_environment))
        m_environment = renamed.value(m_environment);
    if (!workspace.environment(m_environment))
        m_environment.clear();
    if (!commitWorkspace())
        return;
    for (const QString& ref : EnvironmentDraft::orphanedRefs(before, workspace.environments)) {
        m_variables->forgetSecretValue(ref);
        m_secrets->remove(ref, this, [](const SecretResult&) {});
    }
    setEnvironment(m_environment);
    statusBar()->showMessage(tr("Environments saved"), 3000);
}

void MainWindow::importCurl()
{
    m_interop->importCurl();
}

// Secrets stay $NAME in the command (CurlSnippet), so they never land on the clipboard.
void MainWindow::copyAsCurl()
{
    if (currentTab())
        m_interop->copyAsCurl(currentCurl());
}

QString MainWindow::currentCurl() const
{
    RequestTab* tab = currentTab();
    if (!tab)
        return {};
    return CurlSnippet::command(tab->editor()->spec(), m_variables->resolver(),
                                [this](const QString& name) { return m_variables->secretNames().contains(name); });
}

void MainWindow::updateCurlSnippet()
{
    if (m_curlSnippetDock->isVisible())
        m_curlSnippetView->setCommand(currentCurl());
}

void MainWindow::focusHistorySearch()
{
    m_workspacePanel->historyPanel()->focusSearch();
}

// Postman files dropped on the window are imported like File > Import Postman file.
void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (InteropActions::isImportDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    m_interop->importDrop(event->mimeData());
    event->acceptProposedAction();
}

void MainWindow::importPostman()
{
    m_interop->importPostman();
}

void MainWindow::importFile(const QString& path)
{
    m_interop->importFile(path);
}

// The collection of the selected tree item, else the first one.
void MainWindow::exportCollectionToFile()
{
    const Workspace& workspace = m_workspace.workspace();
    QString name = workspace.collections.empty() ? QString() : workspace.collections.front().name;
    if (const QTreeWidgetItem* item = m_workspacePanel->tree()->currentItem()) {
        while (item->parent())
            item = item->parent();
        name = item->text(0);
    }
    m_interop->exportCollectionToFile(name);
}

QString MainWindow::exportCollection(const QString& collection, const QString& path)
{
    return m_interop->exportCollection(collection, path);
}

void MainWindow::closeCurrentTab()
{
    closeTab(m_tabWidget->currentIndex());
}

bool MainWindow::closeTab(int index)
{
    auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(index));
    if (!tab)
        return false;
    if (tab->isDirty()) {
        m_tabWidget->setCurrentIndex(index);
        switch (m_unsavedPrompt(tab->title())) {
        case QMessageBox::Save:
            if (tab->path().isEmpty()) {
                // It closes once saved; Cancel in the Save as dialog keeps it open.
                saveTabAs(tab, [this, tab = QPointer<RequestTab>(tab)] {
                    if (tab)
                        closeTab(m_tabWidget->indexOf(tab));
                });
                return false;
            }
            if (!saveTab(tab))
                return false;
            break;
        case QMessageBox::Discard:
            break;
        default:
            return false;
        }
    }
    m_tabWidget->removeTab(index);
    tab->deleteLater();
    saveTabs();
    return true;
}

void MainWindow::sendCurrent()
{
    if (RequestTab* tab = currentTab())
        sendTab(tab, true);
}

// The request path: resolve {{variables}} (an unknown one is shown, nothing is sent) -> HttpExecutor, or the
// AuthorizedSender for OAuth 2 -> the tab's response view and the history. A workspace request takes its scope from
// RequestContext (collection and folder variables above the environment, inherited auth), as the CLI's send does.
void MainWindow::sendTab(RequestTab* tab, bool readSecrets)
{
    if (m_runner->isSending(tab))
        return; // Esc cancels
    RequestSpec spec = tab->editor()->spec();
    VariableResolver variables = m_variables->resolver();
    if (const auto location = RequestLocation::find(m_workspace.workspace(), tab->path(), nullptr)) {
        const RequestContext context = RequestContext::at(*location);
        // The collection's and folders' secret variables come from the SecretStore on first use (asynchronously);
        // one that cannot be read stays unknown and the resolver names it.
        const QStringList refs = context.secretRefs();
        if (readSecrets && std::any_of(refs.begin(), refs.end(), [this](const QString& ref) {
                return !m_variables->secretValues().contains(ref);
            })) {
            m_variables->readSecrets(refs, tab, [this, tab] { sendTab(tab, false); });
            return;
        }
        spec = context.withInheritedAuth(spec);
        context.addScopeLayers(variables, m_variables->secretValues());
    }
    const VariableResolver::RequestResult resolved = variables.resolve(spec);
    if (!resolved.ok()) {
        ResponseRecord record;
        record.error = ResponseRecord::ErrorKind::UnresolvedVariable;
        record.errorMessage = resolved.error->message();
        tab->responseView()->setRecord(record);
        return;
    }
    m_runner->send(tab, resolved.request);
}

void MainWindow::cancelCurrent()
{
    m_runner->cancel(currentTab());
}

void MainWindow::reopenFromHistory(qint64 id)
{
    const std::optional<History::Entry> entry = m_history->entry(id);
    if (!entry)
        return;
    const QUrl url(entry->url);
    openRequest(url.host().isEmpty() ? entry->url : url.host() + url.path(), History::toRequest(*entry));
}

void MainWindow::showCommandPalette()
{
    auto* palette = new CommandPalette(m_commands, this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->open();
}

// Open tabs are kept across restarts (TabSession redacts them).
void MainWindow::saveTabs()
{
    QList<TabSession::Tab> tabs;
    for (int i = 0; i < m_tabWidget->count(); ++i)
        if (auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i)))
            tabs.append({tab->title(), tab->path(), tab->editor()->spec()});
    m_tabSession->save(tabs, m_tabWidget->currentIndex());
}

void MainWindow::restoreTabs()
{
    for (const TabSession::Tab& tab : m_tabSession->tabs())
        openRequest(tab.title, tab.spec, tab.path);
    m_tabWidget->setCurrentIndex(m_tabSession->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const int current = m_tabWidget->currentIndex(); // the questions below show each tab in turn
    for (int i = m_tabWidget->count() - 1; i >= 0; --i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (!tab || !tab->isDirty())
            continue;
        m_tabWidget->setCurrentIndex(i);
        const auto answer = m_unsavedPrompt(tab->title());
        if (answer == QMessageBox::Save && tab->path().isEmpty()) {
            // Asks where to save it, then tries to close again (the next unsaved tab asks in turn).
            saveTabAs(tab, [this] { close(); });
            event->ignore();
            return;
        }
        if ((answer == QMessageBox::Save && !saveTab(tab)) ||
            (answer != QMessageBox::Save && answer != QMessageBox::Discard)) {
            event->ignore();
            return;
        }
    }
    m_tabWidget->setCurrentIndex(current);
    saveTabs();
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, saveState());
    m_settings->sync();
    event->accept();
}

bool MainWindow::event(QEvent* event)
{
    const bool result = QMainWindow::event(event);
    if (event->type() == QEvent::UpdateRequest && !m_painted && isVisible()) {
        m_painted = true;
        emit firstPainted();
    }
    return result;
}

void MainWindow::benchmarkLoad(const QString& url)
{
    LoadBenchmark::run(this, url);
}

} // namespace tb::ui
