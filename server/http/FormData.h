#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "server/http/HttpRequest.h"

#include <utility>

namespace tb::server {

// application/x-www-form-urlencoded pairs (request bodies and query strings): '+' is a space, %XX decoded,
// invalid UTF-8 replaced rather than rejected. Repeated names are kept; value() returns the last one, as
// Django's QueryDict does.
class FormData
{
public:
    FormData() = default;
    static FormData parse(QByteArrayView encoded);
    // The body's fields as Django's request.POST sees them: urlencoded or multipart/form-data (text parts
    // only); any other content type yields no fields.
    static FormData fromRequestBody(const HttpRequest& request);

    bool contains(QStringView name) const;
    QString value(QStringView name) const;
    int count(QStringView name) const;
    bool isEmpty() const { return m_pairs.isEmpty(); }
    const QList<std::pair<QString, QString>>& pairs() const { return m_pairs; }

    // Percent-encodes like Python's urllib.parse.urlencode (space as '+').
    static QByteArray encode(const QList<std::pair<QString, QString>>& pairs);

private:
    QList<std::pair<QString, QString>> m_pairs;
};

} // namespace tb::server
