#pragma once

#include <QString>

namespace tb {

// The product version, from CMake's project(VERSION).
QString versionString();

} // namespace tb
