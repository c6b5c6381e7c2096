#pragma once

#include "http/RequestSpec.h"
#include "workspace/Variable.h"

#include <QString>

#include <vector>

namespace tb {

// Pre-request and test scripts from Postman. Tokenbench never runs them; they are kept so that an export gives
// them back unchanged, and an import reports them as not run.
struct Scripts
{
    QString preRequest;
    QString test;

    bool isEmpty() const { return preRequest.isEmpty() && test.isEmpty(); }
    friend bool operator==(const Scripts&, const Scripts&) = default;
};

// A node of a collection: a folder (children, its own auth and variables) or a saved request.
struct CollectionItem
{
    enum class Kind
    {
        Folder,
        Request
    };

    Kind kind = Kind::Request;
    QString name;
    QString slug; // file or folder name on disk without extension; chosen on save when empty
    QString description;
    Scripts scripts;

    // Folder
    AuthSpec auth; // Inherit: the parent's
    VariableList variables;
    std::vector<CollectionItem> children;

    // Request (its auth is request.auth)
    RequestSpec request;

    bool isFolder() const { return kind == Kind::Folder; }
    friend bool operator==(const CollectionItem&, const CollectionItem&) = default;
};

} // namespace tb
