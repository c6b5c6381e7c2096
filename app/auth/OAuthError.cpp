#include "auth/OAuthError.h"

namespace tb {

QString OAuthError::message() const
{
    QString text = error;
    if (!description.isEmpty())
        text = text.isEmpty() ? description : text + QStringLiteral(": ") + description;
    if (!uri.isEmpty())
        text += QStringLiteral(" (see %1)").arg(uri);
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    return text;
}

} // namespace tb
