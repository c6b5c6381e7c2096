#pragma once

#include "auth/AuthorizedSender.h"
#include "http/HttpExecutor.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>

namespace tb {
class History;
class TokenManager;
} // namespace tb

namespace tb::ui {

class RequestTab;

// Sends the requests of open tabs and shows the answers in them: straight through the HttpExecutor, or through the
// AuthorizedSender when the auth is an OAuth 2 profile (a token first; a 401 gets one refresh and one retry). One
// request per tab at a time. Every exchange, the retried 401 too, goes into the History, redacted, with the secret
// values the app knows masked wherever a {{variable}} put them.
class RequestRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestRunner)

public:
    // tokens, history and secretValues (by SecretStore reference) must outlive this object.
    RequestRunner(TokenManager* tokens, History* history, const QHash<QString, QString>* secretValues,
                  QObject* parent = nullptr);
    ~RequestRunner() override;

    bool isSending(const RequestTab* tab) const;
    // request: resolved, variables applied. The tab shows the progress, then the answer.
    void send(RequestTab* tab, const RequestSpec& request);
    // The answer (a Canceled record) comes before this returns.
    void cancel(const RequestTab* tab);

signals:
    // A history entry was written.
    void recorded();
    void recordFailed(const QString& error);

private:
    void finish(const QPointer<RequestTab>& tab, const ResponseRecord& record);
    void record(const ResponseRecord& record);

    HttpExecutor m_executor;
    std::unique_ptr<AuthorizedSender> m_sender;
    History* m_history;
    const QHash<QString, QString>* m_secretValues;
    std::map<HttpExecutor::RequestId, QPointer<RequestTab>> m_inFlight;
    std::map<AuthorizedSender::RequestId, QPointer<RequestTab>> m_authorizedInFlight;
};

} // namespace tb::ui
