#include "http/AuthSpec.h"

#include "core/NameTable.h"

#include <array>
#include <utility>

namespace tb {

namespace {

constexpr std::array<std::pair<AuthSpec::Kind, const char16_t*>, 6> kKindNames{{
    {AuthSpec::Kind::Inherit, u"inherit"},
    {AuthSpec::Kind::None, u"none"},
    {AuthSpec::Kind::Bearer, u"bearer"},
    {AuthSpec::Kind::Basic, u"basic"},
    {AuthSpec::Kind::ApiKey, u"apikey"},
    {AuthSpec::Kind::OAuth2, u"oauth2"},
}};

} // namespace

QString AuthSpec::kindName(Kind kind)
{
    return nameFromTable(kKindNames, kind);
}

std::optional<AuthSpec::Kind> AuthSpec::kindFromName(QStringView name)
{
    return valueFromTable(kKindNames, name);
}

QString AuthSpec::apiKeyLocationName(ApiKeyLocation location)
{
    return location == ApiKeyLocation::Query ? QStringLiteral("query") : QStringLiteral("header");
}

std::optional<AuthSpec::ApiKeyLocation> AuthSpec::apiKeyLocationFromName(QStringView name)
{
    if (name.compare(u"header", Qt::CaseInsensitive) == 0) {
        return ApiKeyLocation::Header;
    }
    if (name.compare(u"query", Qt::CaseInsensitive) == 0) {
        return ApiKeyLocation::Query;
    }
    return std::nullopt;
}

} // namespace tb
