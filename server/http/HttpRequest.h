#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <utility>

namespace tb::server {

// One parsed HTTP/1.1 request. Header names are lower-cased; values keep their bytes (no decoding here).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the raw request-target
    QByteArray path;   // target up to '?', still percent-encoded
    QByteArray query;  // after '?', raw
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peerAddress;
    QByteArray localAuthority; // "address:port" the connection arrived on, for requests without a Host header
    bool secure = false;

    // The first header of that (lower-case) name, or a null QByteArray.
    QByteArray header(QByteArrayView lowerName) const;
    bool hasHeader(QByteArrayView lowerName) const;
    // The media type of Content-Type without parameters, lower-cased ("application/json").
    QByteArray mediaType() const;
};

} // namespace tb::server
