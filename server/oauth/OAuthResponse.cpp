#include "server/oauth/OAuthResponse.h"

#include "server/http/JsonWriter.h"

namespace tb::server::OAuthResponse {

HttpResponse json(int status, const QByteArray& body)
{
    HttpResponse response = HttpResponse::json(status, body);
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    response.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return response;
}

HttpResponse error(const QString& error, const QString& description)
{
    JsonWriter writer(JsonWriter::Style::Python);
    writer.beginObject().field(u"error", error);
    if (!description.isEmpty()) {
        writer.field(u"error_description", description);
    }
    writer.endObject();
    const int status = error == u"invalid_client" ? 401 : 400;
    HttpResponse response = json(status, writer.take());
    if (status == 401) {
        response.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer error=\"invalid_client\"")});
    }
    return response;
}

HttpResponse invalidClient()
{
    return error(QStringLiteral("invalid_client"));
}

HttpResponse methodNotAllowed(const QByteArray& allow)
{
    HttpResponse response = HttpResponse::emptyHtml(405);
    response.setHeader("Allow", allow);
    return response;
}

HttpResponse options(const QByteArray& allow)
{
    HttpResponse response = HttpResponse::emptyHtml(200);
    response.setHeader("Allow", allow);
    return response;
}

std::optional<HttpResponse> checkPostOnly(const HttpRequest& request)
{
    const QByteArray allow = QByteArrayLiteral("POST, OPTIONS");
    if (request.method == "OPTIONS") {
        return options(allow);
    }
    if (request.method != "POST") {
        return methodNotAllowed(allow);
    }
    // RFC 6749 section 3.2 (and RFC 7009 section 2.1) send parameters in the body only.
    if (!request.query.isEmpty()) {
        return error(QStringLiteral("invalid_request"), QStringLiteral("URL query parameters are not allowed"));
    }
    return std::nullopt;
}

} // namespace tb::server::OAuthResponse
