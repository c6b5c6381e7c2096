#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace tb {

// Stable names for enum values (for files, JSON and the command line), from one constexpr table per enum:
//   constexpr std::array<std::pair<Kind, const char16_t*>, N> kNames{{{Kind::A, u"a"}, ...}};
template <typename Table, typename Enum> QString nameFromTable(const Table& table, Enum value)
{
    for (const auto& [v, name] : table) {
        if (v == value) {
            return QString::fromUtf16(name);
        }
    }
    return {};
}

// Case-insensitive.
template <typename Table>
auto valueFromTable(const Table& table, QStringView name) -> std::optional<typename Table::value_type::first_type>
{
    for (const auto& [v, n] : table) {
        if (name.compare(QStringView(n), Qt::CaseInsensitive) == 0) {
            return v;
        }
    }
    return std::nullopt;
}

} // namespace tb
