#pragma once

#include <QString>

class QObject;
class QSettings;

namespace tb {
class SecretStore;
} // namespace tb

namespace tb::ui {

// Which workspace the app opens: the one opened last (remembered in the settings), else the default one in the
// app's data folder, which the very first run creates as a copy of the demo workspace. The demo (installed next to
// the executable, or in the source tree) comes with the demo seed's secrets, which go into the SecretStore.
class StartupWorkspace
{
public:
    // All must outlive this object; context guards the SecretStore's answers.
    StartupWorkspace(QSettings* settings, SecretStore* secrets, QObject* context);

    // The workspace to open at start-up; empty when there is none (error() says why).
    QString choose();
    // choose() created the default workspace from the demo just now.
    bool firstRun() const { return m_firstRun; }
    // The demo in its own folder of the app's data (copied the first time), remembered as the workspace to open.
    QString demo();
    QString error() const { return m_error; }

private:
    // Copies the demo to dir unless it is there already, and stores its secrets. Returns dir, or empty.
    QString copyDemo(const QString& dir);

    QSettings* m_settings;
    SecretStore* m_secrets;
    QObject* m_context;
    bool m_firstRun = false;
    QString m_error;
};

} // namespace tb::ui
