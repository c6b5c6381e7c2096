#pragma once

#include <QDockWidget>

#include <functional>

class QSettings;

namespace tb::ui {

class LocalServerController;
class LocalServerPanel;
class SecretClipboard;

// Tools → Local OAuth server: the dock holding the server's panel. It starts the server with the panel's port and
// TLS choice, remembered in the settings for the next run.
class LocalServerDock : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerDock)

public:
    // What tests and the command line set instead of the panel's choices.
    struct Overrides
    {
        int port = -1;              // -1: the panel's
        int passwordIterations = 0; // 0: the server's default
        std::function<qint64()> clock = {};
        QString databasePath = QString(); // empty: in memory
    };

    // server, clipboard and settings must outlive the dock.
    LocalServerDock(LocalServerController* server, SecretClipboard* clipboard, QSettings* settings, Overrides overrides,
                    QWidget* parent = nullptr);

    LocalServerPanel* panel() const { return m_panel; }
    void start();
    void showAndFocus();

private:
    LocalServerController* m_server;
    QSettings* m_settings;
    Overrides m_overrides;
    LocalServerPanel* m_panel;
};

} // namespace tb::ui
