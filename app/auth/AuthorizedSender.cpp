#include "auth/AuthorizedSender.h"

#include "auth/TokenManager.h"

namespace tb {

AuthorizedSender::AuthorizedSender(HttpExecutor* executor, TokenManager* tokens, QObject* parent)
    : QObject(parent), m_executor(executor), m_tokens(tokens)
{
    connect(m_executor, &HttpExecutor::finished, this, &AuthorizedSender::onExecutorFinished);
}

AuthorizedSender::~AuthorizedSender() = default;

AuthorizedSender::RequestId AuthorizedSender::send(const RequestSpec& request)
{
    const RequestId id = m_nextId++;
    Pending pending{request, {}, {}, false};
    if (request.auth.kind != AuthSpec::Kind::OAuth2) {
        m_pending.emplace(id, std::move(pending));
        m_byExecutorId.emplace(m_executor->send(request), id);
        return id;
    }
    pending.profile = request.auth.oauthProfile;
    m_pending.emplace(id, std::move(pending));
    m_tokens->accessToken(request.auth.oauthProfile, this, [this, id](const TokenManager::Access& access) {
        if (!access.ok())
            return failAuth(id, access.error->message());
        sendWithToken(id, access.scheme, access.accessToken);
    });
    return id;
}

void AuthorizedSender::sendWithToken(RequestId id, const QString& scheme, const QString& token)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    it->second.token = token;
    RequestSpec spec = it->second.spec;
    if (scheme.compare(u"Bearer", Qt::CaseInsensitive) == 0) {
        spec.auth.kind = AuthSpec::Kind::Bearer;
        spec.auth.token = token;
    } else {
        // A token type other than Bearer (e.g. "MAC", "DPoP"): send it with the server's own scheme.
        spec.auth.kind = AuthSpec::Kind::None;
        spec.headers.append(KeyValueRow{QStringLiteral("Authorization"), scheme + QLatin1Char(' ') + token, true});
    }
    m_byExecutorId.emplace(m_executor->send(spec), id);
}

void AuthorizedSender::onExecutorFinished(HttpExecutor::RequestId executorId, const ResponseRecord& record)
{
    const auto byExecutor = m_byExecutorId.find(executorId);
    if (byExecutor == m_byExecutorId.end())
        return; // someone else's request on the same executor
    const RequestId id = byExecutor->second;
    m_byExecutorId.erase(byExecutor);
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending& p = it->second;
    if (record.status == 401 && !p.profile.isEmpty() && !p.retried) {
        p.retried = true;
        ++m_retries;
        m_tokens->reportUnauthorized(p.profile, p.token, this, [this, id, record](const TokenManager::Access& access) {
            if (!access.ok()) {
                // No new token: the 401 stands, as the server sent it.
                auto found = m_pending.find(id);
                if (found == m_pending.end())
                    return;
                m_pending.erase(found);
                emit finished(id, record);
                return;
            }
            if (m_pending.find(id) == m_pending.end())
                return; // canceled while the token was refreshed
            emit attemptFinished(id, record);
            sendWithToken(id, access.scheme, access.accessToken);
        });
        return;
    }
    m_pending.erase(it);
    emit finished(id, record);
}

void AuthorizedSender::cancel(RequestId id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    for (const auto& [executorId, ours] : m_byExecutorId) {
        if (ours == id) {
            m_executor->cancel(executorId); // its finished() ends the request through onExecutorFinished
            return;
        }
    }
    ResponseRecord record;
    record.error = ResponseRecord::ErrorKind::Canceled;
    record.errorMessage =
        QStringLiteral("canceled while waiting for a token of OAuth profile \"%1\"").arg(it->second.profile);
    record.sentAt = QDateTime::currentDateTimeUtc();
    m_pending.erase(it);
    emit finished(id, record);
}

void AuthorizedSender::failAuth(RequestId id, const QString& message)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    ResponseRecord record;
    record.error = ResponseRecord::ErrorKind::Auth;
    record.errorMessage = QStringLiteral("no token for OAuth profile \"%1\": %2").arg(it->second.profile, message);
    record.sentAt = QDateTime::currentDateTimeUtc();
    m_pending.erase(it);
    emit finished(id, record);
}

} // namespace tb
