#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace tb::ui {

// Ctrl+K: type to filter every action of the main window, Enter runs it.
class CommandPalette : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    CommandPalette(const QList<QAction*>& actions, QWidget* parent);

private:
    void filter(const QString& text);
    void runCurrent();

    QList<QAction*> m_actions;
    QLineEdit* m_filterLineEdit;
    QListWidget* m_commandListWidget;
};

} // namespace tb::ui
