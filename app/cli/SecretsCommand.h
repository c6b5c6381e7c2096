#pragma once

#include "cli/ProfileOptions.h"
#include "cli/TokenSession.h"

#include "cli/Command.h"

#include <QCommandLineParser>

namespace tb::cli {

// tokenbench-cli secrets status                      which store holds secrets on this machine, and why
// tokenbench-cli secrets set --profile P NAME        stores stdin as secret NAME of profile P (e.g. client_secret,
//                                                     what a profile's clientSecretRef names)
// tokenbench-cli secrets delete --profile P NAME
// Keys are namespaced by workspace (--workspace) and profile.
class SecretsCommand : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretsCommand)

public:
    explicit SecretsCommand(QObject* parent = nullptr);
    ~SecretsCommand() override;

    void start(const QStringList& arguments) override;

private:
    QCommandLineParser m_parser;
    ProfileOptions m_options;
    TokenSession m_session;
};

} // namespace tb::cli
