#include "RequestRunner.h"

#include "RequestTab.h"
#include "http/Redactor.h"
#include "request/RequestEditor.h"
#include "response/ResponseView.h"
#include "workspace/History.h"

namespace tb::ui {

RequestRunner::RequestRunner(TokenManager* tokens, History* history, const QHash<QString, QString>* secretValues,
                             QObject* parent)
    : QObject(parent), m_sender(std::make_unique<AuthorizedSender>(&m_executor, tokens)), m_history(history),
      m_secretValues(secretValues)
{
    connect(m_sender.get(), &AuthorizedSender::finished, this,
            [this](AuthorizedSender::RequestId id, const ResponseRecord& record) {
                const auto it = m_authorizedInFlight.find(id);
                if (it == m_authorizedInFlight.end())
                    return;
                const QPointer<RequestTab> tab = it->second;
                m_authorizedInFlight.erase(it);
                finish(tab, record);
            });
    // The 401 that a refreshed token answered is history too: the list shows 401, then the retry's answer.
    connect(m_sender.get(), &AuthorizedSender::attemptFinished, this,
            [this](AuthorizedSender::RequestId id, const ResponseRecord& record) {
                if (m_authorizedInFlight.count(id))
                    this->record(record);
            });
    connect(&m_executor, &HttpExecutor::finished, this,
            [this](HttpExecutor::RequestId id, const ResponseRecord& record) {
                const auto it = m_inFlight.find(id);
                if (it == m_inFlight.end())
                    return; // the AuthorizedSender's
                const QPointer<RequestTab> tab = it->second;
                m_inFlight.erase(it);
                finish(tab, record);
            });
    connect(&m_executor, &HttpExecutor::downloadProgress, this,
            [this](HttpExecutor::RequestId id, qint64 received, qint64 total) {
                const auto it = m_inFlight.find(id);
                if (it != m_inFlight.end() && it->second)
                    it->second->responseView()->setInProgress(received, total);
            });
}

RequestRunner::~RequestRunner() = default;

bool RequestRunner::isSending(const RequestTab* tab) const
{
    for (const auto& [id, owner] : m_inFlight)
        if (owner == tab)
            return true;
    for (const auto& [id, owner] : m_authorizedInFlight)
        if (owner == tab)
            return true;
    return false;
}

void RequestRunner::send(RequestTab* tab, const RequestSpec& request)
{
    if (request.auth.kind == AuthSpec::Kind::OAuth2) {
        // Through the TokenManager: a token is fetched or refreshed first, and a 401 gets one refresh and retry.
        m_authorizedInFlight[m_sender->send(request)] = tab;
    } else {
        const HttpExecutor::RequestId id = m_executor.send(request);
        m_inFlight[id] = tab; // finished() is always queued, so it cannot come before this
    }
    tab->editor()->setSending(true);
    tab->responseView()->setInProgress(0, -1);
}

void RequestRunner::cancel(const RequestTab* tab)
{
    for (const auto& [id, owner] : m_inFlight) {
        if (owner == tab) {
            m_executor.cancel(id); // finished() arrives before cancel() returns
            return;
        }
    }
    for (const auto& [id, owner] : m_authorizedInFlight) {
        if (owner == tab) {
            m_sender->cancel(id); // likewise
            return;
        }
    }
}

void RequestRunner::finish(const QPointer<RequestTab>& tab, const ResponseRecord& record)
{
    if (tab) {
        tab->editor()->setSending(false);
        tab->responseView()->setRecord(record);
    }
    this->record(record);
}

void RequestRunner::record(const ResponseRecord& record)
{
    if (!m_history->isOpen())
        return;
    Redactor redactor;
    for (const QString& value : std::as_const(*m_secretValues))
        redactor.addSecret(value);
    redactor.addSecretsOf(record.request);
    if (!m_history->record(record, redactor))
        emit recordFailed(m_history->lastError());
    emit recorded();
}

} // namespace tb::ui
