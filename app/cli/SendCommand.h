#pragma once

#include "cli/Command.h"
#include "cli/SendArguments.h"
#include "http/ResponseRecord.h"

#include <memory>

namespace tb {
class HttpExecutor;
class VariableResolver;
} // namespace tb

namespace tb::cli {

// tokenbench-cli send: arguments -> variables -> (auth) -> HttpExecutor -> body on stdout (or --output),
// diagnostics on stderr, exit code from ExitCodes.h.
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
    void onFinished(const ResponseRecord& record);
    void printExchange(const ResponseRecord& record) const;
    QByteArray jsonDocument(const ResponseRecord& record, bool withBody) const;
    bool writeBody(const ResponseRecord& record, QString& error) const;

    SendArguments m_arguments;
    std::unique_ptr<HttpExecutor> m_executor; // created only once there is something to send
};

} // namespace tb::cli
