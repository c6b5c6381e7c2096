#pragma once

#include <QIcon>
#include <QString>

namespace tb::ui {

// Icons from the monochrome SVGs in resources/icons (":/icons/<name>.svg"), drawn in the palette's text colour each
// time they are painted: crisp at any scale, and right in light and dark themes without a second set of files.
class ThemedIcon
{
public:
    static QIcon fromName(const QString& name);
    // Whether ":/icons/<name>.svg" exists and renders.
    static bool exists(const QString& name);
};

} // namespace tb::ui
