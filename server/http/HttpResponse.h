#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace tb::server {

// A response before serialisation. The connection adds Date, Content-Length and Connection itself.
struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // in the order they go on the wire
    QByteArray body;

    HttpResponse& setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(int status, const QByteArray& body);
    // Django's empty text/html answers (405 of the OAuth views, revocation success, 403 of introspection).
    static HttpResponse emptyHtml(int status);
    // Django's plain 404 page for paths no route matches.
    static HttpResponse notFoundHtml();
    static QByteArrayView reasonPhrase(int status);
};

} // namespace tb::server
