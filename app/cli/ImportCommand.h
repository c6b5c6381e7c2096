#pragma once

#include "cli/Command.h"

namespace tb::cli {

class SecretWriter;

// tokenbench-cli import curl|postman|postman-env: into a workspace folder (created when needed); secrets go to the
// SecretStore, notes (flags not imported, scripts not run) to stderr.
class ImportCommand : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportCommand)

public:
    ImportCommand();
    ~ImportCommand() override;

    void start(const QStringList& arguments) override;
    static QString helpText();

private:
    SecretWriter* m_secrets;
};

} // namespace tb::cli
