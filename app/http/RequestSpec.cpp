#include "http/RequestSpec.h"

#include "core/NameTable.h"

#include <array>
#include <utility>

namespace tb {

namespace {

constexpr std::array<std::pair<RequestBody::Kind, const char16_t*>, 5> kBodyKindNames{{
    {RequestBody::Kind::None, u"none"},
    {RequestBody::Kind::Raw, u"raw"},
    {RequestBody::Kind::UrlEncoded, u"urlencoded"},
    {RequestBody::Kind::Multipart, u"multipart"},
    {RequestBody::Kind::Binary, u"binary"},
}};

// RFC 9110 section 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|"
// / "~" / DIGIT / ALPHA
bool isTchar(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')) {
        return true;
    }
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

QString RequestBody::kindName(Kind kind)
{
    return nameFromTable(kBodyKindNames, kind);
}

std::optional<RequestBody::Kind> RequestBody::kindFromName(QStringView name)
{
    return valueFromTable(kBodyKindNames, name);
}

bool RequestSpec::isValidMethod(QStringView method)
{
    if (method.isEmpty()) {
        return false;
    }
    for (QChar c : method) {
        if (!isTchar(c)) {
            return false;
        }
    }
    return true;
}

} // namespace tb
