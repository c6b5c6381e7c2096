#pragma once

#include "MainWindow.h"

namespace tb::test {

// MainWindow options for a test that lets the window start as on a first run: settings in the given file, secrets
// in memory, and the local server that a first run starts on port 0 with few PBKDF2 iterations.
class FirstRunOptions
{
public:
    static tb::ui::MainWindow::Options make(const QString& settingsPath)
    {
        tb::ui::MainWindow::Options options;
        options.settingsPath = settingsPath;
        options.memorySecrets = true;
        options.localServerPort = 0;
        options.localServerIterations = 1000;
        return options;
    }
};

} // namespace tb::test
