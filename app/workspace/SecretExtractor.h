#pragma once

#include "workspace/Collection.h"
#include "workspace/Environment.h"

namespace tb {

// Keeps secrets out of workspace files. A literal secret found where the user (or an import) put it, such as a
// bearer token, a basic password, an API key, an Authorization or Cookie header, or a form field named password,
// becomes a secret variable of the collection, and the field refers to it as {{name}}. Variables whose name says
// they hold a secret become secret variables. A value that already uses {{variables}} is left alone.
class SecretExtractor
{
public:
    // The names the Redactor masks (Redactor::isSensitiveName).
    static bool isSensitiveName(QStringView name);

    // Returns how many values were moved.
    static int extract(Collection& collection);
    static int markSensitiveVariables(VariableList& variables);
};

} // namespace tb
