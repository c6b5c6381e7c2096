#pragma once

#include "cli/Command.h"

#include <memory>
#include <span>

namespace tb::cli {

struct CommandInfo
{
    const char* name;
    const char* summary; // one line for `tokenbench-cli --help`
    std::unique_ptr<Command> (*create)();
};

// Every command, in the order --help lists them. To add one: a class deriving from Command in its own
// XxxCommand.h/.cpp, and one line in CommandTable.cpp.
std::span<const CommandInfo> commandTable();
const CommandInfo* findCommand(QStringView name);

} // namespace tb::cli
