#pragma once

#include <QtGlobal>

namespace tb::test {

// Resident memory of this process, from Linux's /proc/self: the current figure and the peak (VmHWM), which can
// be reset so that a test measures the peak of one step rather than of the whole process so far.
class PeakRss
{
public:
    // Resets the peak to the current RSS (Linux >= 4.0); false if the kernel refused.
    static bool resetPeak();
    // Bytes, or -1 if /proc/self/status cannot be read.
    static qint64 current();
    static qint64 peak();
};

} // namespace tb::test
