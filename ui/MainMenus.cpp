#include "MainMenus.h"

#include "MainWindow.h"
#include "ThemedIcon.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QUndoStack>

namespace tb::ui {

namespace {

// Icons by action name (resources/icons); the palette shows them next to the shortcut.
void setIcons(const QList<QAction*>& actions)
{
    static const std::pair<QStringView, QStringView> icons[] = {
        {u"newRequestAction", u"new-request"},
        {u"saveAction", u"save"},
        {u"saveAsAction", u"save"},
        {u"closeTabAction", u"close-tab"},
        {u"importCurlAction", u"import"},
        {u"importPostmanAction", u"import"},
        {u"copyAsCurlAction", u"copy"},
        {u"exportCollectionAction", u"export"},
        {u"quitAction", u"quit"},
        {u"undoAction", u"undo"},
        {u"redoAction", u"redo"},
        {u"newFolderAction", u"new-folder"},
        {u"newTreeRequestAction", u"new-request"},
        {u"renameItemAction", u"rename"},
        {u"duplicateItemAction", u"duplicate"},
        {u"deleteItemAction", u"delete"},
        {u"sendAction", u"send"},
        {u"cancelAction", u"cancel"},
        {u"editEnvironmentsAction", u"environments"},
        {u"commandPaletteAction", u"command-palette"},
        {u"curlSnippetAction", u"terminal"},
        {u"searchHistoryAction", u"history"},
    };
    for (QAction* action : actions)
        for (const auto& [objectName, icon] : icons)
            if (action->objectName() == objectName)
                action->setIcon(ThemedIcon::fromName(icon.toString()));
}

} // namespace

QList<QAction*> MainMenus::create(MainWindow* window, const Parts& parts)
{
    QList<QAction*> commands;
    const auto add = [window, &commands](QMenu* menu, const QString& text, const QString& objectName,
                                         const QKeySequence& shortcut, void (MainWindow::*slot)()) {
        auto* action = menu->addAction(text);
        action->setObjectName(objectName);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        QObject::connect(action, &QAction::triggered, window, slot);
        commands.append(action);
        return action;
    };
    const auto tr = [](const char* text) { return MainWindow::tr(text); };
    QMenuBar* bar = window->menuBar();

    QMenu* file = bar->addMenu(tr("&File"));
    add(file, tr("&New request"), QStringLiteral("newRequestAction"), QKeySequence::New, &MainWindow::newRequest);
    add(file, tr("&Save request"), QStringLiteral("saveAction"), QKeySequence::Save, &MainWindow::saveCurrent);
    add(file, tr("Save request &as…"), QStringLiteral("saveAsAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        &MainWindow::saveCurrentAs);
    add(file, tr("&Close tab"), QStringLiteral("closeTabAction"), QKeySequence(Qt::CTRL | Qt::Key_W),
        &MainWindow::closeCurrentTab);
    file->addSeparator();
    add(file, tr("&Import curl command…"), QStringLiteral("importCurlAction"), QKeySequence(Qt::CTRL | Qt::Key_I),
        &MainWindow::importCurl);
    add(file, tr("Import &Postman file…"), QStringLiteral("importPostmanAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), &MainWindow::importPostman);
    add(file, tr("Copy as c&url"), QStringLiteral("copyAsCurlAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        &MainWindow::copyAsCurl);
    add(file, tr("&Export collection to Postman…"), QStringLiteral("exportCollectionAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &MainWindow::exportCollectionToFile);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, window, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    commands.append(quit);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    QAction* undo = parts.undoStack->createUndoAction(window, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = parts.undoStack->createRedoAction(window, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addActions({undo, redo});
    commands << undo << redo;
    edit->addSeparator();
    add(edit, tr("New &folder"), QStringLiteral("newFolderAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        &MainWindow::newFolderInTree);
    add(edit, tr("New request in &collection"), QStringLiteral("newTreeRequestAction"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N), &MainWindow::newRequestInTree);
    add(edit, tr("Re&name item"), QStringLiteral("renameItemAction"), QKeySequence(Qt::Key_F2),
        &MainWindow::renameInTree);
    add(edit, tr("&Duplicate item"), QStringLiteral("duplicateItemAction"), QKeySequence(Qt::CTRL | Qt::Key_D),
        &MainWindow::duplicateInTree);
    QAction* remove = add(edit, tr("De&lete item"), QStringLiteral("deleteItemAction"), QKeySequence::Delete,
                          &MainWindow::deleteInTree);
    remove->setShortcutContext(Qt::WidgetShortcut);
    parts.tree->addAction(remove);

    QMenu* request = bar->addMenu(tr("&Request"));
    add(request, tr("&Send"), QStringLiteral("sendAction"), QKeySequence(Qt::CTRL | Qt::Key_Return),
        &MainWindow::sendCurrent);
    auto* sendEnter = new QAction(window); // Ctrl+Enter on the keypad too
    sendEnter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter));
    QObject::connect(sendEnter, &QAction::triggered, window, &MainWindow::sendCurrent);
    window->QMainWindow::addAction(sendEnter);
    add(request, tr("&Cancel"), QStringLiteral("cancelAction"), QKeySequence(Qt::Key_Escape),
        &MainWindow::cancelCurrent);

    QMenu* tools = bar->addMenu(tr("&Tools"));
    add(tools, tr("&Local OAuth server"), QStringLiteral("localServerAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), &MainWindow::showLocalServer);
    add(tools, tr("&Token manager"), QStringLiteral("tokenManagerAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &MainWindow::showTokenManager);
    add(tools, tr("Open &demo workspace"), QStringLiteral("openDemoWorkspaceAction"), QKeySequence(),
        &MainWindow::openDemoWorkspace);
    QMenu* environments = bar->addMenu(tr("E&nvironment"));
    add(environments, tr("&Edit environments…"), QStringLiteral("editEnvironmentsAction"),
        QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::editEnvironments);

    QMenu* view = bar->addMenu(tr("&View"));
    add(view, tr("Search &history"), QStringLiteral("searchHistoryAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), &MainWindow::focusHistorySearch);
    QAction* snippet = parts.curlSnippetDock->toggleViewAction();
    snippet->setText(tr("c&url snippet"));
    snippet->setObjectName(QStringLiteral("curlSnippetAction"));
    snippet->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    view->addAction(snippet);
    commands.append(snippet);
    add(view, tr("Command &palette…"), QStringLiteral("commandPaletteAction"), QKeySequence(Qt::CTRL | Qt::Key_K),
        &MainWindow::showCommandPalette);
    add(view, tr("Next tab"), QStringLiteral("nextTabAction"), QKeySequence::NextChild, &MainWindow::nextTab);
    add(view, tr("Focus URL"), QStringLiteral("focusUrlAction"), QKeySequence(Qt::CTRL | Qt::Key_L),
        &MainWindow::focusUrl);
    setIcons(commands);
    return commands;
}

} // namespace tb::ui
