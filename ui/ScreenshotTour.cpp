#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "RequestTab.h"
#include "auth/TokenDock.h"
#include "auth/TokenManager.h"
#include "request/AuthEditor.h"
#include "request/RequestEditor.h"
#include "server/LocalServerController.h"

#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QPointer>
#include <QTimer>

namespace tb::ui {

namespace {

const QString kProfile = QStringLiteral("demo-password");

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow* window, QString dir, QObject* parent)
    : QObject(parent), m_window(window), m_dir(std::move(dir))
{}

void ScreenshotTour::waitFor(std::function<bool()> ready, int timeoutMs, std::function<void()> then)
{
    auto* timer = new QTimer(this);
    auto* clock = new QElapsedTimer;
    clock->start();
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, [timer, clock, ready, timeoutMs, then] {
        if (!ready() && clock->elapsed() < timeoutMs)
            return;
        delete clock;
        timer->deleteLater();
        then();
    });
    timer->start();
}

void ScreenshotTour::grab(QWidget* widget, const QString& name)
{
    const QString path = QDir(m_dir).filePath(name);
    if (widget && widget->grab().save(path))
        m_saved << path;
}

void ScreenshotTour::start(std::function<void(const QStringList& saved)> done)
{
    MainWindow* w = m_window;
    waitFor(
        [w] {
            return w->localServer()->state() == LocalServerController::State::Running &&
                   w->tokenManager()->profile(kProfile).has_value();
        },
        20000,
        [this, w, done] {
            // The seed's story: sent as is (401), then with the demo password profile (a token, then 200).
            RequestTab* tab = w->openWorkspaceRequest(QStringLiteral("users-api/list-users"));
            if (!tab)
                return finish(done);
            const QPointer<QLabel> status = tab->findChild<QLabel*>(QStringLiteral("statusLabel"));
            const auto shows = [status](const char16_t* prefix) {
                return !status || status->text().startsWith(QStringView(prefix));
            };
            w->sendCurrent();
            waitFor([shows] { return shows(u"401"); }, 10000,
                    [this, w, tab, shows, done] {
                        AuthSpec auth;
                        auth.kind = AuthSpec::Kind::OAuth2;
                        auth.oauthProfile = kProfile;
                        tab->editor()->authEditor()->setAuth(auth);
                        w->sendCurrent();
                        waitFor([shows] { return shows(u"200"); }, 20000, [this, done] { finish(done); });
                    });
        });
}

void ScreenshotTour::finish(std::function<void(const QStringList& saved)> done)
{
    MainWindow* w = m_window;
    w->tokenDock()->selectProfile(kProfile);
    // Let the response view lay out and the countdown tick before grabbing.
    QTimer::singleShot(600, this, [this, w, done] {
        grab(w, QStringLiteral("main-window.png"));
        grab(w->findChild<QDockWidget*>(QStringLiteral("tokenManagerDockWidget")), QStringLiteral("token-manager.png"));
        w->showLocalServer();
        QTimer::singleShot(400, this, [this, w, done] {
            grab(w->findChild<QDockWidget*>(QStringLiteral("localServerDockWidget")),
                 QStringLiteral("local-server.png"));
            done(m_saved);
        });
    });
}

} // namespace tb::ui
