#pragma once

#include "auth/TokenManager.h"

#include <QDateTime>
#include <QString>

namespace tb::ui {

// The words the token manager dock and the request editor's Auth tab use for a token's state and lifetime.
class TokenStateText
{
public:
    // "valid", "refreshing", ... as people read them.
    static QString state(TokenManager::State state);
    // "9 h 59 min 58 s", "42 s"; negative: "expired 3 s ago".
    static QString remaining(qint64 seconds);
    // An error in plain words, then the server's own: "The server refused: invalid_grant: Invalid credentials
    // given. (HTTP 400)".
    static QString error(const OAuthError& error);
    // One line: "Valid, expires in 59 min 58 s" / "No token yet" / "Failed: invalid_grant: ...".
    static QString summary(TokenManager::State state, const TokenSet& tokens, const QString& lastError,
                           const QDateTime& now);
};

} // namespace tb::ui
