#pragma once

#include <QString>

namespace tb::test {

// The source tree (for resources such as resources/demo/seed.json) and the build tree (for executables).
QString sourceDir();
QString binaryDir();

} // namespace tb::test
