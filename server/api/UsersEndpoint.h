#pragma once

#include "server/ServerContext.h"
#include "server/api/BearerAuthenticator.h"
#include "server/api/PyJson.h"
#include "server/http/HttpConnection.h"

#include <QHash>

#include <utility>
#include <variant>

namespace tb::server {

// /api/users/ (ListCreateAPIView: filters, 20 per page) and /api/users/<id>/ (RetrieveUpdateDestroyAPIView),
// in DRF's order of checks:
//
//   content negotiation (406) -> authentication (401 + WWW-Authenticate) -> permission (403: no user, or
//   --enforce-scopes) -> method (405) -> body parsing (415, JSON parse error) -> validation (400) -> work
class UsersEndpoint
{
public:
    explicit UsersEndpoint(ServerContext& context) : m_context(context), m_auth(context) {}

    void handleList(const HttpRequest& request, Responder respond);
    void handleDetail(const HttpRequest& request, qint64 id, Responder respond);

private:
    // Shared gatekeeping; returns a response to send, or nothing when the request may proceed.
    std::optional<HttpResponse> admit(const HttpRequest& request, const QByteArray& allow) const;
    std::variant<PyValue, HttpResponse> parseBody(const HttpRequest& request, const QByteArray& allow) const;
    HttpResponse list(const HttpRequest& request, const QByteArray& allow);
    void create(const HttpRequest& request, const QByteArray& allow, Responder respond);
    void update(const HttpRequest& request, qint64 id, bool partial, const QByteArray& allow, Responder respond);

    ServerContext& m_context;
    BearerAuthenticator m_auth;
    // Rendered list pages by origin + path + query, valid while the users' version stays the same: the list is
    // the hot path (most API calls read it), and the data rarely changes. Bounded; cleared on any change.
    QHash<QByteArray, QByteArray> m_pages;
    std::pair<quint64, quint64> m_pagesVersion;
};

} // namespace tb::server
