#pragma once

class QThreadPool;

namespace tb::ui {

// The threads for heavy work on a response body: reading a 100 MB body back from its file, indexing its lines,
// decoding an image, saving it.
//
// Not QThreadPool::globalInstance(): Qt's raster paint engine splits every large fill across the global pool and
// waits for the pieces on the UI thread, so a job that holds a global pool thread for seconds makes repaints wait.
// And the jobs run at a lower CPU priority, so that on a busy machine the UI thread comes first when it wakes.
class BackgroundPool
{
public:
    static QThreadPool* instance();
    // Every job calls this first: it lowers the priority of the pool thread it runs on (idempotent).
    static void lowerCurrentThreadPriority();
};

} // namespace tb::ui
