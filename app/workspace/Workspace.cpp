#include "workspace/Workspace.h"

#include "workspace/Slug.h"

namespace tb {

const Environment* Workspace::environment(QStringView nameOrSlug) const
{
    return Slug::find(environments, nameOrSlug);
}

const Collection* Workspace::collection(QStringView nameOrSlug) const
{
    return Slug::find(collections, nameOrSlug);
}

const AuthProfileFile* Workspace::authProfile(QStringView nameOrSlug) const
{
    return Slug::find(authProfiles, nameOrSlug);
}

} // namespace tb
