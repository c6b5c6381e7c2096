#include "workspace/Workspace.h"

namespace tb {

namespace {

template<typename List>
auto findByNameOrSlug(const List& list, QStringView nameOrSlug) -> decltype(&*list.begin())
{
    for (const auto& entry : list) {
        if (entry.slug == nameOrSlug) {
            return &entry;
        }
    }
    for (const auto& entry : list) {
        if (entry.name.compare(nameOrSlug, Qt::CaseInsensitive) == 0) {
            return &entry;
        }
    }
    return nullptr;
}

} // namespace

const Environment* Workspace::environment(QStringView nameOrSlug) const
{
    return findByNameOrSlug(environments, nameOrSlug);
}

const Collection* Workspace::collection(QStringView nameOrSlug) const
{
    return findByNameOrSlug(collections, nameOrSlug);
}

const AuthProfileFile* Workspace::authProfile(QStringView nameOrSlug) const
{
    return findByNameOrSlug(authProfiles, nameOrSlug);
}

} // namespace tb
