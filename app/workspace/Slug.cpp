#include "workspace/Slug.h"

namespace tb {

QString Slug::fromName(const QString& name, const QString& fallback)
{
    QString slug;
    slug.reserve(name.size());
    bool pendingDash = false;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            if (pendingDash && !slug.isEmpty()) {
                slug += u'-';
            }
            pendingDash = false;
            slug += QChar(u);
        } else if (c.category() != QChar::Mark_NonSpacing) {
            pendingDash = true;
        }
    }
    slug.truncate(64);
    while (slug.endsWith(u'-')) {
        slug.chop(1);
    }
    return slug.isEmpty() ? fallback : slug;
}

QString Slug::unique(const QString& wanted, QSet<QString>& taken)
{
    QString slug = wanted;
    for (int n = 2; taken.contains(slug); ++n) {
        slug = QStringLiteral("%1-%2").arg(wanted).arg(n);
    }
    taken.insert(slug);
    return slug;
}

} // namespace tb
