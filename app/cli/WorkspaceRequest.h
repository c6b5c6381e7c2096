#pragma once

#include "cli/SendArguments.h"
#include "http/VariableResolver.h"

#include <QObject>

#include <functional>

namespace tb::cli {

class SecretWriter;

// `send --workspace DIR REQUEST-PATH`: the saved request with its inherited auth, and the variables of the active
// environment, its collection and folders (secret ones read from the SecretStore), with --var on top. An inherited
// OAuth 2 auth stays OAuth 2 (SendCommand gets the token from the TokenManager), unless --var gives the token
// variable the Postman export uses (NAME_access_token): then that is sent as Bearer.
class WorkspaceRequest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceRequest)

public:
    struct Result
    {
        RequestSpec request;
        VariableResolver resolver;
        ExitCode exitCode = Ok;
        QString error;
    };

    // `secrets`: the run's store (it must outlive this object).
    explicit WorkspaceRequest(SecretWriter* secrets, QObject* parent = nullptr);

    // Calls done once, from the event loop.
    void load(const SendArguments& arguments, std::function<void(const Result&)> done);

private:
    SecretWriter* m_secrets;
};

} // namespace tb::cli
