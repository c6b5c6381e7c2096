#pragma once

#include "workspace/CollectionItem.h"

namespace tb {

// collections/<slug>/collection.json and everything under it.
struct Collection
{
    QString name;
    QString slug;
    QString description;
    AuthSpec auth; // the default for every request; Inherit here means none
    VariableList variables;
    Scripts scripts;
    std::vector<CollectionItem> items;

    friend bool operator==(const Collection&, const Collection&) = default;
};

} // namespace tb
