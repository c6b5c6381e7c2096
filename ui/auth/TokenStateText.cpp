#include "auth/TokenStateText.h"

#include <QCoreApplication>

namespace tb::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::ui::TokenStateText", text);
}

QString duration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = seconds % 3600 / 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return tr("%1 h %2 min %3 s").arg(h).arg(m).arg(s);
    if (m > 0)
        return tr("%1 min %2 s").arg(m).arg(s);
    return tr("%1 s").arg(s);
}

} // namespace

QString TokenStateText::state(TokenManager::State state)
{
    switch (state) {
    case TokenManager::State::None:
        return tr("no token");
    case TokenManager::State::Fetching:
        return tr("fetching");
    case TokenManager::State::Valid:
        return tr("valid");
    case TokenManager::State::Refreshing:
        return tr("refreshing");
    case TokenManager::State::Expired:
        return tr("expired");
    case TokenManager::State::Failed:
        return tr("failed");
    }
    return {};
}

QString TokenStateText::error(const OAuthError& error)
{
    switch (error.kind) {
    case OAuthError::Kind::OAuth:
        return tr("The server refused: %1").arg(error.message());
    case OAuthError::Kind::Http:
        return tr("The server answered with an error: %1").arg(error.message());
    case OAuthError::Kind::Network:
        return tr("Could not reach the server: %1").arg(error.message());
    case OAuthError::Kind::Protocol:
        return tr("The server's answer is not what OAuth 2.0 expects: %1").arg(error.message());
    case OAuthError::Kind::Config:
        return tr("The profile cannot run: %1").arg(error.message());
    case OAuthError::Kind::Cancelled:
        return tr("Sign-in cancelled");
    case OAuthError::Kind::Timeout:
        return tr("The sign-in was not finished in time: %1").arg(error.message());
    }
    return error.message();
}

QString TokenStateText::remaining(qint64 seconds)
{
    if (seconds == 0)
        return tr("expired just now");
    if (seconds < 0)
        return tr("expired %1 ago").arg(duration(-seconds));
    return tr("expires in %1").arg(duration(seconds));
}

QString TokenStateText::summary(TokenManager::State state, const TokenSet& tokens, const QString& lastError,
                                const QDateTime& now)
{
    switch (state) {
    case TokenManager::State::None:
        return tr("No token yet: it is fetched when the request is sent");
    case TokenManager::State::Failed:
        return tr("Failed: %1").arg(lastError.isEmpty() ? tr("no reason given") : lastError);
    default:
        break;
    }
    QString text = TokenStateText::state(state);
    text[0] = text[0].toUpper();
    if (!tokens.isEmpty())
        text += QStringLiteral(", ") +
                (tokens.lifetimeKnown() ? remaining(tokens.secondsRemaining(now)) : tr("lifetime unknown"));
    return text;
}

} // namespace tb::ui
