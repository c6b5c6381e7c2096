#pragma once

#include <QString>

namespace tb {

// A problem with one file of a workspace (or an imported file), located precisely enough for an editor to jump to.
// line and column are 1-based; 0 means "the whole file".
struct FileIssue
{
    QString path;
    int line = 0;
    int column = 0;
    QString message;

    friend bool operator==(const FileIssue&, const FileIssue&) = default;

    // "path:line:column: message", the shape compilers use, so terminals and editors make it clickable.
    QString toString() const;
};

} // namespace tb
