#include "http/AuthSpec.h"

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
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) {
            return QString::fromUtf16(name);
        }
    }
    return {};
}

std::optional<AuthSpec::Kind> AuthSpec::kindFromName(QStringView name)
{
    for (const auto& [k, n] : kKindNames) {
        if (name.compare(QStringView(n), Qt::CaseInsensitive) == 0) {
            return k;
        }
    }
    return std::nullopt;
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
