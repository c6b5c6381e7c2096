#pragma once

#include <QString>

namespace tb::ui {

class MainWindow;

// bench/gui's measure of a big response: GET url in a new tab of window and, once the body shows, print
// "shown_ms=N peak_rss_kb=N body_bytes=N" and quit.
class LoadBenchmark
{
public:
    static void run(MainWindow* window, const QString& url);
};

} // namespace tb::ui
