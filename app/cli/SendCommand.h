#pragma once

#include "cli/Command.h"
#include "cli/SendArguments.h"
#include "http/ResponseRecord.h"

#include <memory>

namespace tb {
class AuthorizedSender;
class HttpExecutor;
class VariableResolver;
} // namespace tb

namespace tb::cli {

class SecretWriter;
class TokenSession;

// tokenbench-cli send: arguments -> variables -> (auth) -> HttpExecutor -> body on stdout (or --output),
// diagnostics on stderr, exit code from ExitCodes.h. With an OAuth 2 profile (--profile, inline profile options, or
// a saved request's inherited auth) the request goes through the AuthorizedSender: the TokenManager's token as
// Bearer (fetched or refreshed first when needed), and on a 401 one refresh and one retry.
class SendCommand : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendCommand)

public:
    SendCommand();
    ~SendCommand() override;

    void start(const QStringList& arguments) override;

private:
    void resolveAndSend(const RequestSpec& spec, const VariableResolver& resolver);
    void send(const RequestSpec& request);
    void sendAuthorized(RequestSpec request);
    void onFinished(const ResponseRecord& record);
    void printExchange(const ResponseRecord& record) const;
    QByteArray jsonDocument(const ResponseRecord& record, bool withBody) const;
    bool writeBody(const ResponseRecord& record, QString& error) const;

    SendArguments m_arguments;
    SecretWriter* m_secrets = nullptr;        // the run's store, for secret variables and tokens
    std::unique_ptr<HttpExecutor> m_executor; // created only once there is something to send
    // Only with an OAuth 2 profile. Declared after the store and the executor: destroyed before them.
    std::unique_ptr<TokenSession> m_session;
    std::unique_ptr<AuthorizedSender> m_sender;
};

} // namespace tb::cli
