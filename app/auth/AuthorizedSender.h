#pragma once

#include "http/HttpExecutor.h"

#include <QObject>

#include <map>

namespace tb {

class TokenManager;

// Sends requests whose auth is OAuth2 (a TokenManager profile) through the HttpExecutor, with the 401 rule:
//
//   token = manager.accessToken(profile)            (fetched or refreshed first when needed; single-flight)
//   send with Authorization: Bearer token  -> 401?  manager.reportUnauthorized(profile, token)  (one refresh,
//                                                   shared by every request that saw the same token rejected)
//                                           -> send once more with the new token; a second 401 is the answer.
// Requests with any other auth go straight through. Always exactly one finished() per send(), with the answer; an
// exchange that is not the answer (the 401 that was retried with a refreshed token) comes first as attemptFinished(),
// so a history can show every request that went out.
class AuthorizedSender : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizedSender)

public:
    using RequestId = quint64;

    AuthorizedSender(HttpExecutor* executor, TokenManager* tokens, QObject* parent = nullptr);
    ~AuthorizedSender() override;

    RequestId send(const RequestSpec& request);
    // Stops a request: its HTTP exchange is cancelled, or its wait for a token abandoned (the token's flow goes on for
    // whoever else needs it). finished() still comes exactly once, with a Canceled record.
    void cancel(RequestId id);
    int retriedCount() const { return m_retries; }

signals:
    void finished(tb::AuthorizedSender::RequestId id, const tb::ResponseRecord& record);
    // An exchange of request id that is not its answer: a 401 about to be retried with a refreshed token.
    void attemptFinished(tb::AuthorizedSender::RequestId id, const tb::ResponseRecord& record);

private:
    struct Pending
    {
        RequestSpec spec;
        QString profile;
        QString token;
        bool retried = false;
    };

    void sendWithToken(RequestId id, const QString& scheme, const QString& token);
    void onExecutorFinished(HttpExecutor::RequestId executorId, const ResponseRecord& record);
    void failAuth(RequestId id, const QString& message);

    HttpExecutor* m_executor;
    TokenManager* m_tokens;
    std::map<RequestId, Pending> m_pending;
    std::map<HttpExecutor::RequestId, RequestId> m_byExecutorId;
    RequestId m_nextId = 1;
    int m_retries = 0;
};

} // namespace tb
