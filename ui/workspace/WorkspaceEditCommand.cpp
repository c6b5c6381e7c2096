#include "WorkspaceEditCommand.h"

namespace tb::ui {

WorkspaceEditCommand::WorkspaceEditCommand(const QString& text, std::vector<Collection> before,
                                           std::vector<Collection> after, QString fromPath, QString toPath, Apply apply)
    : QUndoCommand(text), m_before(std::move(before)), m_after(std::move(after)), m_fromPath(std::move(fromPath)),
      m_toPath(std::move(toPath)), m_apply(std::move(apply))
{}

void WorkspaceEditCommand::undo()
{
    m_apply(m_before, m_toPath, m_fromPath);
}

void WorkspaceEditCommand::redo()
{
    if (std::exchange(m_applied, false))
        return;
    m_apply(m_after, m_fromPath, m_toPath);
}

} // namespace tb::ui
