#pragma once

#include <QList>

class QAction;
class QDockWidget;
class QUndoStack;
class QWidget;

namespace tb::ui {

class MainWindow;

// The main window's menu bar: every main action with its shortcut and icon. The same actions make the command
// palette (Ctrl+K), so a new action added here is in both.
class MainMenus
{
public:
    struct Parts
    {
        QUndoStack* undoStack = nullptr;
        QWidget* tree = nullptr;                // Delete acts there only (elsewhere the key edits text)
        QDockWidget* curlSnippetDock = nullptr; // its toggle is the "curl snippet" action
    };

    // Fills window's menu bar; returns the actions for the command palette.
    static QList<QAction*> create(MainWindow* window, const Parts& parts);
};

} // namespace tb::ui
