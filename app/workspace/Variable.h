#pragma once

#include <QList>
#include <QString>

namespace tb {

// A variable of an environment, a collection or a folder. A secret variable never reaches a file: the file holds
// its reference, and the value lives in the SecretStore under that reference. In memory, value holds the secret only
// between an import (or an edit) and the moment the caller hands it to the SecretStore.
struct Variable
{
    QString key;
    QString value;
    bool secret = false;
    QString ref; // secret only: the SecretStore key; assigned on first save when empty
    bool enabled = true;
    QString description;

    friend bool operator==(const Variable&, const Variable&) = default;
};

// A secret value the caller must put in the SecretStore (after an import or a save).
struct SecretWrite
{
    QString ref;
    QString value;

    friend bool operator==(const SecretWrite&, const SecretWrite&) = default;
};

using VariableList = QList<Variable>;

} // namespace tb
