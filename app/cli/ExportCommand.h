#pragma once

#include "cli/Command.h"

namespace tb::cli {

class SecretWriter;

// tokenbench-cli export curl|postman: a saved request as one curl command, or a collection as Postman v2.1 JSON.
// Secrets stay variables unless --reveal reads them from the SecretStore.
class ExportCommand : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommand)

public:
    ExportCommand();
    ~ExportCommand() override;

    void start(const QStringList& arguments) override;
    static QString helpText();

private:
    void output(const QByteArray& bytes);

    SecretWriter* m_secrets;
    QString m_outputPath;
};

} // namespace tb::cli
