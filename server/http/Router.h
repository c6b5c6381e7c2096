#pragma once

#include "server/http/HttpConnection.h"

#include <QByteArray>
#include <QList>

namespace tb::server {

// Path routing as Django's URLconf does it: patterns of literal segments and "<int>" captures, a trailing
// slash on every route, and Django's APPEND_SLASH (a 301 to the slashed path, query kept) when only the
// slashed form matches. Anything else gets Django's HTML 404.
class Router
{
public:
    using Handler = std::function<void(const HttpRequest&, const QList<QByteArray>& captures, Responder)>;

    void add(const QByteArray& pattern, Handler handler);
    void route(const HttpRequest& request, Responder respond) const;

private:
    struct Route
    {
        QList<QByteArray> segments;
        Handler handler;
    };
    const Route* match(QByteArrayView path, QList<QByteArray>* captures) const;

    QList<Route> m_routes;
};

} // namespace tb::server
