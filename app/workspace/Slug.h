#pragma once

#include <QSet>
#include <QString>

namespace tb {

// File and folder names made from display names: lower case ASCII letters, digits and '-', readable in a shell and
// the same on every file system.
class Slug
{
public:
    static QString fromName(const QString& name, const QString& fallback = QStringLiteral("untitled"));
    // fromName(), then "-2", "-3", ... until it is not in taken; adds the result to taken.
    static QString unique(const QString& wanted, QSet<QString>& taken);

    // The entry of list (anything with slug and name) whose slug is key, else whose name is key ignoring case.
    template <typename List> static auto find(const List& list, QStringView key) -> decltype(&*list.begin())
    {
        for (const auto& entry : list) {
            if (entry.slug == key) {
                return &entry;
            }
        }
        for (const auto& entry : list) {
            if (entry.name.compare(key, Qt::CaseInsensitive) == 0) {
                return &entry;
            }
        }
        return nullptr;
    }
};

} // namespace tb
