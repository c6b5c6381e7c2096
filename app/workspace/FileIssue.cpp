#include "workspace/FileIssue.h"

namespace tb {

QString FileIssue::toString() const
{
    if (line <= 0) {
        return QStringLiteral("%1: %2").arg(path, message);
    }
    return QStringLiteral("%1:%2:%3: %4").arg(path).arg(line).arg(column).arg(message);
}

} // namespace tb
