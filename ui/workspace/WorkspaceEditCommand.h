#pragma once

#include "workspace/Collection.h"

#include <QUndoCommand>

#include <functional>
#include <vector>

namespace tb::ui {

// One edit of the collection tree, undone by putting back the collections as they were (a snapshot: simple and
// exact, and a workspace's collections are small). The edit is already applied when the command is pushed.
class WorkspaceEditCommand : public QUndoCommand
{
public:
    // Puts collections in place, saves them, and moves open tabs from the old path (and below) to the new one.
    using Apply =
        std::function<void(const std::vector<Collection>& collections, const QString& fromPath, const QString& toPath)>;

    WorkspaceEditCommand(const QString& text, std::vector<Collection> before, std::vector<Collection> after,
                         QString fromPath, QString toPath, Apply apply);

    void undo() override;
    void redo() override;

private:
    std::vector<Collection> m_before;
    std::vector<Collection> m_after;
    QString m_fromPath;
    QString m_toPath;
    Apply m_apply;
    bool m_applied = true; // pushing calls redo(): the edit is done already
};

} // namespace tb::ui
