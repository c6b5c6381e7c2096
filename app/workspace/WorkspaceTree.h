#pragma once

#include "workspace/Workspace.h"

#include <QString>

namespace tb {

// Edits of the collection tree by path (slugs joined by '/', as RequestLocation reads them): new request, new folder,
// rename, duplicate, delete, move. Each keeps the slugs of everything else, so open tabs and the files of untouched
// items keep their names; new and moved items get a slug unique among their new siblings at once, so the returned
// path is the one the next WorkspaceStore::save() writes. The caller saves; undo is the caller's (a snapshot).
class WorkspaceTree
{
public:
    struct Result
    {
        QString error; // for people; empty on success
        QString path;  // the new or moved item's path
        bool ok() const { return error.isEmpty(); }
    };

    // parent: a collection's path ("users-api") or a folder's.
    static Result addRequest(Workspace& workspace, const QString& parent, const QString& name);
    // Save as: a new request named name in parent holding request. Unlike addRequest, the name must be free among
    // parent's children (checkNewName), so the user can tell the saved request from the others.
    static Result saveRequestAs(Workspace& workspace, const QString& parent, const QString& name,
                                const RequestSpec& request);
    // Why name cannot be a new item of parent, in plain words (empty, or a sibling already has it); empty when it can.
    static QString checkNewName(const Workspace& workspace, const QString& parent, const QString& name);
    static Result addFolder(Workspace& workspace, const QString& parent, const QString& name);
    // Collections, folders and requests; the slug (the file name) stays.
    static Result rename(Workspace& workspace, const QString& path, const QString& name);
    // The copy goes right after the original, named "<name> copy".
    static Result duplicate(Workspace& workspace, const QString& path);
    static Result remove(Workspace& workspace, const QString& path);
    // Moves a folder or request into parent (a collection or folder) at row (clamped; counted before the move).
    static Result move(Workspace& workspace, const QString& path, const QString& parent, int row);

    static bool isFolderOrCollection(const Workspace& workspace, const QString& path);
};

} // namespace tb
