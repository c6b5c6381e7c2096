#include "cli/CommandTable.h"

#include "cli/ExportCommand.h"
#include "cli/ImportCommand.h"
#include "cli/SecretsCommand.h"
#include "cli/SendCommand.h"
#include "cli/TokenCommand.h"

namespace tb::cli {

namespace {

template <typename T> std::unique_ptr<Command> make()
{
    return std::make_unique<T>();
}

// One line per command. (Planned: token, secrets, import, export.)
constexpr CommandInfo kCommands[] = {
    {"send", "send one HTTP request (curl-like; see tokenbench-cli send --help)", &make<SendCommand>},
    {"token", "OAuth 2.0 tokens: get, refresh, revoke, introspect, show, clear", &make<TokenCommand>},
    {"secrets", "the secret store: status, set, delete", &make<SecretsCommand>},
    {"import", "import curl commands, Postman collections and environments into a workspace", &make<ImportCommand>},
    {"export", "export a saved request as curl, or a collection as Postman v2.1", &make<ExportCommand>},
};

} // namespace

std::span<const CommandInfo> commandTable()
{
    return kCommands;
}

const CommandInfo* findCommand(QStringView name)
{
    for (const CommandInfo& info : kCommands) {
        if (name == QLatin1StringView(info.name)) {
            return &info;
        }
    }
    return nullptr;
}

} // namespace tb::cli
