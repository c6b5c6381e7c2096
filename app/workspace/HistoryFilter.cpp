#include "workspace/HistoryFilter.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tb {

History::Query HistoryFilter::parse(const QString& text)
{
    static const QStringList methods = {u"GET"_s,  u"POST"_s,    u"PUT"_s,   u"PATCH"_s,  u"DELETE"_s,
                                        u"HEAD"_s, u"OPTIONS"_s, u"TRACE"_s, u"CONNECT"_s};
    static const QRegularExpression status(u"^[1-5][0-9][0-9]$"_s);
    static const QRegularExpression statusClass(u"^([1-5])xx$"_s, QRegularExpression::CaseInsensitiveOption);
    History::Query query;
    QStringList rest;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (query.method.isEmpty() && methods.contains(word.toUpper())) {
            query.method = word.toUpper();
        } else if (query.statusFrom == 0 && status.match(word).hasMatch()) {
            query.statusFrom = query.statusTo = word.toInt();
        } else if (const auto match = statusClass.match(word); query.statusFrom == 0 && match.hasMatch()) {
            query.statusFrom = match.captured(1).toInt() * 100;
            query.statusTo = query.statusFrom + 99;
        } else {
            rest.append(word);
        }
    }
    query.urlContains = rest.join(u' ');
    return query;
}

} // namespace tb
