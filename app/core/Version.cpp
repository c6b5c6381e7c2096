#include "core/Version.h"

namespace tb {

QString versionString()
{
    return QStringLiteral(TOKENBENCH_VERSION);
}

} // namespace tb
