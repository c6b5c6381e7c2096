#include "MainWindow.h"

#include "CommandPalette.h"
#include "RequestTab.h"
#include "http/Redactor.h"
#include "request/RequestEditor.h"
#include "request/VariableLineEdit.h"
#include "response/ResponseBodyView.h"
#include "response/ResponseView.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cstdio>

namespace tb::ui {

namespace {

const QString kTabsKey = QStringLiteral("session/openTabs");
const QString kCurrentTabKey = QStringLiteral("session/currentTab");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");

QJsonArray rowsToJson(const QList<KeyValueRow>& rows)
{
    QJsonArray array;
    for (const auto& row : rows)
        array.append(QJsonObject{{QStringLiteral("name"), row.name},
                                 {QStringLiteral("value"), row.value},
                                 {QStringLiteral("enabled"), row.enabled}});
    return array;
}

QList<KeyValueRow> rowsFromJson(const QJsonArray& array)
{
    QList<KeyValueRow> rows;
    for (const auto& value : array) {
        const QJsonObject object = value.toObject();
        rows.append({object[u"name"].toString(), object[u"value"].toString(), object[u"enabled"].toBool(true)});
    }
    return rows;
}

} // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent) : QMainWindow(parent), m_options(options)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Tokenbench"));
    m_settings = options.settingsPath.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(options.settingsPath, QSettings::IniFormat);
    m_unsavedPrompt = [this](const QString& title) {
        return QMessageBox::question(this, tr("Unsaved changes"),
                                     tr("“%1” has unsaved changes. Save them before closing?").arg(title),
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };

    m_tabWidget = new QTabWidget(this);
    m_tabWidget->setObjectName(QStringLiteral("requestTabWidget"));
    m_tabWidget->setAccessibleName(tr("Open requests"));
    m_tabWidget->setTabsClosable(true);
    m_tabWidget->setMovable(true);
    m_tabWidget->setDocumentMode(true);
    setCentralWidget(m_tabWidget);
    connect(m_tabWidget, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(&m_executor, &HttpExecutor::finished, this, &MainWindow::responseArrived);
    connect(&m_executor, &HttpExecutor::downloadProgress, this,
            [this](HttpExecutor::RequestId id, qint64 received, qint64 total) {
                const auto it = m_inFlight.find(id);
                if (it != m_inFlight.end() && it->second)
                    it->second->responseView()->setInProgress(received, total);
            });

    createLeftPanel();
    createActions();
    createStatusBar();
    resize(1280, 820);
    restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
    restoreState(m_settings->value(kStateKey).toByteArray());
    restoreTabs();
    if (m_tabWidget->count() == 0)
        newRequest();
}

MainWindow::~MainWindow() = default;

void MainWindow::createLeftPanel()
{
    auto* panel = new QWidget(this);
    m_environmentComboBox = new QComboBox(panel);
    m_environmentComboBox->setObjectName(QStringLiteral("environmentComboBox"));
    m_environmentComboBox->setAccessibleName(tr("Active environment"));
    m_environmentComboBox->addItem(tr("No environment"));
    m_workspaceTreeWidget = new QTreeWidget(panel);
    m_workspaceTreeWidget->setObjectName(QStringLiteral("workspaceTreeWidget"));
    m_workspaceTreeWidget->setAccessibleName(tr("Collections"));
    m_workspaceTreeWidget->setHeaderHidden(true);
    m_historySearchLineEdit = new QLineEdit(panel);
    m_historySearchLineEdit->setObjectName(QStringLiteral("historySearchLineEdit"));
    m_historySearchLineEdit->setAccessibleName(tr("Search history"));
    m_historySearchLineEdit->setPlaceholderText(tr("Search history"));
    m_historySearchLineEdit->setClearButtonEnabled(true);
    m_historyListWidget = new QListWidget(panel);
    m_historyListWidget->setObjectName(QStringLiteral("historyListWidget"));
    m_historyListWidget->setAccessibleName(tr("History"));

    auto* historyPane = new QWidget(panel);
    auto* historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History"), historyPane));
    historyLayout->addWidget(m_historySearchLineEdit);
    historyLayout->addWidget(m_historyListWidget, 1);
    auto* splitter = new QSplitter(Qt::Vertical, panel);
    splitter->addWidget(m_workspaceTreeWidget);
    splitter->addWidget(historyPane);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* environmentLabel = new QLabel(tr("&Environment"), panel);
    environmentLabel->setBuddy(m_environmentComboBox);
    layout->addWidget(environmentLabel);
    layout->addWidget(m_environmentComboBox);
    layout->addWidget(splitter, 1);

    auto* dock = new QDockWidget(tr("Workspace"), this);
    dock->setObjectName(QStringLiteral("workspaceDockWidget"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    dock->setWidget(panel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    connect(m_historySearchLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_historyListWidget->count(); ++i) {
            QListWidgetItem* item = m_historyListWidget->item(i);
            item->setHidden(!item->text().contains(text, Qt::CaseInsensitive));
        }
    });
}

QAction* MainWindow::addAction(QMenu* menu, const QString& text, const QString& objectName,
                               const QKeySequence& shortcut, void (MainWindow::*slot)())
{
    auto* action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    m_commands.append(action);
    return action;
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addAction(file, tr("&New request"), QStringLiteral("newRequestAction"), QKeySequence::New, &MainWindow::newRequest);
    addAction(file, tr("&Save request"), QStringLiteral("saveAction"), QKeySequence::Save, &MainWindow::saveCurrent);
    addAction(file, tr("&Close tab"), QStringLiteral("closeTabAction"), QKeySequence(Qt::CTRL | Qt::Key_W),
              &MainWindow::closeCurrentTab);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    m_commands.append(quit);

    QMenu* request = menuBar()->addMenu(tr("&Request"));
    addAction(request, tr("&Send"), QStringLiteral("sendAction"), QKeySequence(Qt::CTRL | Qt::Key_Return),
              &MainWindow::sendCurrent);
    auto* sendEnter = new QAction(this); // Ctrl+Enter on the keypad too
    sendEnter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter));
    connect(sendEnter, &QAction::triggered, this, &MainWindow::sendCurrent);
    QMainWindow::addAction(sendEnter);
    addAction(request, tr("&Cancel"), QStringLiteral("cancelAction"), QKeySequence(Qt::Key_Escape),
              &MainWindow::cancelCurrent);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    addAction(view, tr("Command &palette…"), QStringLiteral("commandPaletteAction"), QKeySequence(Qt::CTRL | Qt::Key_K),
              &MainWindow::showCommandPalette);
    auto* nextTab = view->addAction(tr("Next tab"), QKeySequence::NextChild, this, [this] {
        m_tabWidget->setCurrentIndex((m_tabWidget->currentIndex() + 1) % qMax(1, m_tabWidget->count()));
    });
    nextTab->setObjectName(QStringLiteral("nextTabAction"));
    m_commands.append(nextTab);
    auto* focusUrl = view->addAction(tr("Focus URL"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        if (RequestTab* tab = currentTab()) {
            tab->editor()->urlLineEdit()->setFocus();
            tab->editor()->urlLineEdit()->selectAll();
        }
    });
    focusUrl->setObjectName(QStringLiteral("focusUrlAction"));
    m_commands.append(focusUrl);
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
    m_secretStoreStatusLabel->setText(tr("Secrets: memory only"));
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

RequestTab* MainWindow::openRequest(const QString& title, const RequestSpec& spec)
{
    auto* tab = new RequestTab(title, spec, m_tabWidget);
    tab->editor()->urlLineEdit()->setVariables(&m_variables, {});
    connect(tab, &RequestTab::dirtyChanged, this, [this, tab] { updateTabTitle(tab); });
    connect(tab->editor(), &RequestEditor::sendRequested, this, &MainWindow::sendCurrent);
    connect(tab->editor(), &RequestEditor::cancelRequested, this, &MainWindow::cancelCurrent);
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

void MainWindow::variablesChanged()
{
    for (int i = 0; i < m_tabWidget->count(); ++i)
        if (auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i)))
            tab->editor()->urlLineEdit()->setVariables(&m_variables, {});
}

void MainWindow::newRequest()
{
    openRequest(tr("New request"), {});
}

void MainWindow::saveCurrent()
{
    if (RequestTab* tab = currentTab()) {
        tab->markSaved();
        saveTabs();
        statusBar()->showMessage(tr("Saved “%1”").arg(tab->title()), 3000);
    }
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
            tab->markSaved();
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

// The request path: resolve {{variables}} (an unknown one is shown, nothing is sent) -> HttpExecutor ->
// the tab's response view and the history.
void MainWindow::sendCurrent()
{
    RequestTab* tab = currentTab();
    if (!tab)
        return;
    for (const auto& [id, owner] : m_inFlight)
        if (owner == tab)
            return; // already sending; Esc cancels
    const VariableResolver::RequestResult resolved = m_variables.resolve(tab->editor()->spec());
    if (!resolved.ok()) {
        ResponseRecord record;
        record.error = ResponseRecord::ErrorKind::UnresolvedVariable;
        record.errorMessage = resolved.error->message();
        tab->responseView()->setRecord(record);
        return;
    }
    const HttpExecutor::RequestId id = m_executor.send(resolved.request);
    m_inFlight[id] = tab; // finished() is always queued, so it cannot come before this
    tab->editor()->setSending(true);
    tab->responseView()->setInProgress(0, -1);
}

void MainWindow::cancelCurrent()
{
    RequestTab* tab = currentTab();
    for (const auto& [id, owner] : m_inFlight) {
        if (owner == tab) {
            m_executor.cancel(id); // finished() arrives before cancel() returns
            return;
        }
    }
}

void MainWindow::responseArrived(HttpExecutor::RequestId id, const ResponseRecord& record)
{
    const auto it = m_inFlight.find(id);
    if (it == m_inFlight.end())
        return;
    const QPointer<RequestTab> tab = it->second;
    m_inFlight.erase(it);
    if (tab) {
        tab->editor()->setSending(false);
        tab->responseView()->setRecord(record);
    }
    addToHistory(record);
}

void MainWindow::addToHistory(const ResponseRecord& record)
{
    Redactor redactor;
    const SentRequest sent = redactor.redact(record.request);
    const QString status = record.hasResponse() ? QString::number(record.status) : tr("error");
    auto* item = new QListWidgetItem(
        QStringLiteral("%1  %2  %3").arg(status, QString::fromUtf8(sent.method), sent.url.toString()));
    item->setToolTip(record.hasResponse() ? tr("%1 ms").arg(qRound(record.totalMs)) : record.errorMessage);
    m_historyListWidget->insertItem(0, item);
    item->setHidden(!item->text().contains(m_historySearchLineEdit->text(), Qt::CaseInsensitive));
}

void MainWindow::showCommandPalette()
{
    auto* palette = new CommandPalette(m_commands, this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->open();
}

// Open tabs are kept across restarts. Secrets never reach the settings file: the spec goes through the Redactor.
void MainWindow::saveTabs()
{
    Redactor redactor;
    QJsonArray tabs;
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (!tab)
            continue;
        const RequestSpec spec = redactor.redact(tab->editor()->spec());
        tabs.append(QJsonObject{{QStringLiteral("title"), tab->title()},
                                {QStringLiteral("method"), spec.method},
                                {QStringLiteral("url"), spec.url},
                                {QStringLiteral("params"), rowsToJson(spec.queryParams)},
                                {QStringLiteral("headers"), rowsToJson(spec.headers)}});
    }
    m_settings->setValue(kTabsKey, QString::fromUtf8(QJsonDocument(tabs).toJson(QJsonDocument::Compact)));
    m_settings->setValue(kCurrentTabKey, m_tabWidget->currentIndex());
    m_settings->sync();
}

void MainWindow::restoreTabs()
{
    const QJsonArray tabs = QJsonDocument::fromJson(m_settings->value(kTabsKey).toString().toUtf8()).array();
    for (const auto& value : tabs) {
        const QJsonObject object = value.toObject();
        RequestSpec spec;
        spec.method = object[u"method"].toString(QStringLiteral("GET"));
        spec.url = object[u"url"].toString();
        spec.queryParams = rowsFromJson(object[u"params"].toArray());
        spec.headers = rowsFromJson(object[u"headers"].toArray());
        openRequest(object[u"title"].toString(tr("Request")), spec);
    }
    m_tabWidget->setCurrentIndex(m_settings->value(kCurrentTabKey, 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    for (int i = m_tabWidget->count() - 1; i >= 0; --i) {
        auto* tab = qobject_cast<RequestTab*>(m_tabWidget->widget(i));
        if (!tab || !tab->isDirty())
            continue;
        m_tabWidget->setCurrentIndex(i);
        const auto answer = m_unsavedPrompt(tab->title());
        if (answer == QMessageBox::Save)
            tab->markSaved();
        else if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
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

} // namespace tb::ui

namespace tb::ui {

QStringList MainWindow::saveScreenshots(const QString& dir)
{
    QStringList saved;
    const auto save = [&saved, &dir](QWidget* widget, const QString& name) {
        const QString path = QDir(dir).filePath(name);
        if (widget->grab().save(path))
            saved << path;
    };
    save(this, QStringLiteral("main-window.png"));
    return saved;
}

void MainWindow::benchmarkLoad(const QString& url)
{
    RequestSpec spec;
    spec.url = url;
    RequestTab* tab = openRequest(QStringLiteral("bench"), spec);
    auto* clock = new QElapsedTimer;
    clock->start();
    ResponseBodyView* body = tab->responseView()->bodyView();
    connect(body, &ResponseBodyView::bodyShown, this, [body, clock] {
        if (body->body().isEmpty())
            return; // the view was cleared for the new response
        const qint64 ms = clock->elapsed();
        delete clock;
        QFile status(QStringLiteral("/proc/self/status"));
        QByteArray peak = "?";
        if (status.open(QIODevice::ReadOnly))
            for (const QByteArray& line : status.readAll().split('\n'))
                if (line.startsWith("VmHWM:"))
                    peak = line.mid(6).trimmed().split(' ').value(0);
        std::printf("shown_ms=%lld peak_rss_kb=%s body_bytes=%lld\n", ms, peak.constData(),
                    qint64(body->body().size()));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    sendCurrent();
}

} // namespace tb::ui
