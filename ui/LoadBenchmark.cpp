#include "LoadBenchmark.h"

#include "MainWindow.h"
#include "RequestTab.h"
#include "response/ResponseBodyView.h"
#include "response/ResponseView.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

namespace tb::ui {

void LoadBenchmark::run(MainWindow* window, const QString& url)
{
    RequestSpec spec;
    spec.url = url;
    RequestTab* tab = window->openRequest(QStringLiteral("bench"), spec);
    auto* clock = new QElapsedTimer;
    clock->start();
    ResponseBodyView* body = tab->responseView()->bodyView();
    QObject::connect(body, &ResponseBodyView::bodyShown, window, [body, clock] {
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
    window->sendCurrent();
}

} // namespace tb::ui
