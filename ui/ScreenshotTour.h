#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QTimer;

namespace tb::ui {

class MainWindow;

// Walks the real window through the seed's story for scripts/screenshots and grabs it on the way:
//   main-window.png    "List users" sent with the demo password profile (200, the users, the token manager)
//   token-manager.png  the token manager dock with the live token
//   local-server.png   the local server panel with its request log
// Each step waits for what it needs (the server running, the response) up to a deadline, then grabs anyway.
class ScreenshotTour : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)

public:
    ScreenshotTour(MainWindow* window, QString dir, QObject* parent = nullptr);

    void start(std::function<void(const QStringList& saved)> done);

private:
    // Calls then() once ready() holds, or after timeoutMs.
    void waitFor(std::function<bool()> ready, int timeoutMs, std::function<void()> then);
    void grab(QWidget* widget, const QString& name);
    // Grabs the three pictures and calls done.
    void finish(std::function<void(const QStringList& saved)> done);

    MainWindow* m_window;
    QString m_dir;
    QStringList m_saved;
};

} // namespace tb::ui
