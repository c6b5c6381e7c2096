#include "UrlQuery.h"

namespace tb::ui {

namespace {

struct Parts
{
    QStringView base;
    QStringView query;
    QStringView fragment; // with its '#'
    bool hasQuery = false;
};

Parts split(QStringView url)
{
    Parts parts;
    const qsizetype hash = url.indexOf(u'#');
    parts.fragment = hash >= 0 ? url.mid(hash) : QStringView();
    const QStringView beforeFragment = hash >= 0 ? url.left(hash) : url;
    const qsizetype question = beforeFragment.indexOf(u'?');
    parts.hasQuery = question >= 0;
    parts.base = parts.hasQuery ? beforeFragment.left(question) : beforeFragment;
    parts.query = parts.hasQuery ? beforeFragment.mid(question + 1) : QStringView();
    return parts;
}

} // namespace

QList<KeyValueRow> UrlQuery::rows(QStringView url)
{
    QList<KeyValueRow> result;
    const Parts parts = split(url);
    if (!parts.hasQuery || parts.query.isEmpty())
        return result;
    for (const QStringView pair : parts.query.split(u'&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf(u'=');
        result.append({(equals >= 0 ? pair.left(equals) : pair).toString(),
                       equals >= 0 ? pair.mid(equals + 1).toString() : QString(), true});
    }
    return result;
}

QString UrlQuery::withRows(QStringView url, const QList<KeyValueRow>& rows)
{
    const Parts parts = split(url);
    QStringList pairs;
    for (const auto& row : rows) {
        if (!row.enabled || (row.name.isEmpty() && row.value.isEmpty()))
            continue;
        pairs << (row.value.isEmpty() ? row.name : row.name + u'=' + row.value);
    }
    QString result = parts.base.toString();
    if (!pairs.isEmpty())
        result += u'?' + pairs.join(u'&');
    return result + parts.fragment.toString();
}

} // namespace tb::ui
