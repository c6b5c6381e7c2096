#include "server/http/Router.h"

namespace tb::server {

void Router::add(const QByteArray& pattern, Handler handler)
{
    m_routes.append({pattern.split('/'), std::move(handler)});
}

const Router::Route* Router::match(QByteArrayView path, QList<QByteArray>* captures) const
{
    const QList<QByteArray> segments = path.toByteArray().split('/');
    for (const Route& route : m_routes) {
        if (route.segments.size() != segments.size()) {
            continue;
        }
        captures->clear();
        bool ok = true;
        for (qsizetype i = 0; ok && i < segments.size(); ++i) {
            const QByteArray& expected = route.segments[i];
            if (expected == "<int>") {
                ok = !segments[i].isEmpty() && segments[i].size() <= 18;
                for (char c : segments[i]) {
                    ok = ok && c >= '0' && c <= '9';
                }
                if (ok) {
                    captures->append(segments[i]);
                }
            } else {
                ok = expected == segments[i];
            }
        }
        if (ok) {
            return &route;
        }
    }
    return nullptr;
}

void Router::route(const HttpRequest& request, Responder respond) const
{
    QList<QByteArray> captures;
    if (const Route* route = match(request.path, &captures)) {
        route->handler(request, captures, std::move(respond));
        return;
    }
    if (!request.path.endsWith('/') && match(request.path + '/', &captures)) {
        HttpResponse redirect = HttpResponse::emptyHtml(301);
        redirect.setHeader("Location", request.path + '/' + (request.query.isEmpty() ? "" : "?" + request.query));
        respond(std::move(redirect));
        return;
    }
    respond(HttpResponse::notFoundHtml());
}

} // namespace tb::server
