#include "BackgroundPool.h"

#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace tb::ui {

namespace {
// nice 10: about a tenth of a core's share next to a busy normal thread, but the whole core when it is idle.
constexpr int kNice = 10;
} // namespace

QThreadPool* BackgroundPool::instance()
{
    static QThreadPool pool;
    return &pool;
}

void BackgroundPool::lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    // Linux keeps a nice value per thread (PRIO_PROCESS with a thread id); raising it needs no privilege.
    const auto tid = id_t(gettid());
    if (getpriority(PRIO_PROCESS, tid) < kNice)
        setpriority(PRIO_PROCESS, tid, kNice);
#endif
}

} // namespace tb::ui
