#include "auth/JwtView.h"

#include <QJsonDocument>

#include <cmath>

namespace tb {

namespace {

std::optional<QJsonObject> decodePart(const QString& part)
{
    const auto decoded = QByteArray::fromBase64Encoding(part.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                             QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<JwtView> JwtView::decode(const QString& token)
{
    const QStringList parts = token.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    auto header = decodePart(parts[0]);
    auto claims = header ? decodePart(parts[1]) : std::nullopt;
    if (!header || !claims)
        return std::nullopt;
    JwtView view;
    view.m_header = *header;
    view.m_claims = *claims;
    view.m_hasSignature = !parts[2].isEmpty();
    return view;
}

QDateTime JwtView::timeClaim(const char* name) const
{
    const QJsonValue value = m_claims.value(QLatin1String(name));
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return {};
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(value.toDouble()), Qt::UTC);
}

std::optional<qint64> JwtView::secondsRemaining(const QDateTime& now) const
{
    const QDateTime exp = expiresAt();
    if (!exp.isValid())
        return std::nullopt;
    return now.secsTo(exp);
}

QString JwtView::signatureStatus() const
{
    if (!m_hasSignature || algorithm().compare(u"none", Qt::CaseInsensitive) == 0)
        return QStringLiteral("unsigned (alg \"%1\")").arg(algorithm());
    return QStringLiteral("signed with %1, signature NOT verified").arg(algorithm());
}

QString JwtView::describe(const QDateTime& now) const
{
    QString text;
    text += QStringLiteral("header: ") + QString::fromUtf8(QJsonDocument(m_header).toJson(QJsonDocument::Indented));
    text += QStringLiteral("claims: ") + QString::fromUtf8(QJsonDocument(m_claims).toJson(QJsonDocument::Indented));
    auto line = [&text](const QString& label, const QDateTime& at) {
        if (at.isValid())
            text += QStringLiteral("%1: %2\n").arg(label, at.toLocalTime().toString(Qt::ISODate));
    };
    line(QStringLiteral("issued at (iat)"), issuedAt());
    line(QStringLiteral("not before (nbf)"), notBefore());
    line(QStringLiteral("expires (exp)"), expiresAt());
    if (const auto left = secondsRemaining(now))
        text += *left > 0 ? QStringLiteral("remaining: %1 s\n").arg(*left) : QStringLiteral("expired\n");
    text += QStringLiteral("signature: ") + signatureStatus() + QLatin1Char('\n');
    return text;
}

} // namespace tb
