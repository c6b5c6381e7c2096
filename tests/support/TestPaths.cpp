#include "support/TestPaths.h"

#include <QProcessEnvironment>

namespace tb::test {

QString sourceDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("TOKENBENCH_SOURCE_DIR"));
}

QString binaryDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("TOKENBENCH_BINARY_DIR"));
}

} // namespace tb::test
