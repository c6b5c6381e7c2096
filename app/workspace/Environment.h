#pragma once

#include "workspace/Variable.h"

namespace tb {

// environments/<slug>.json
struct Environment
{
    QString name;
    QString slug;
    VariableList variables;

    friend bool operator==(const Environment&, const Environment&) = default;
};

} // namespace tb
