#include "server/oauth/MetadataEndpoint.h"

#include "server/http/JsonWriter.h"
#include "server/http/RequestUrl.h"

namespace tb::server {

void MetadataEndpoint::handle(const HttpRequest& request, Responder respond)
{
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse response = HttpResponse::emptyHtml(405);
        response.setHeader("Allow", "GET, HEAD");
        respond(std::move(response));
        return;
    }
    const QString issuer = RequestUrl::origin(request);
    const auto list = [](JsonWriter& writer, QStringView name, const QStringList& values) {
        writer.key(name).beginArray();
        for (const QString& value : values) {
            writer.value(value);
        }
        writer.endArray();
    };
    const QStringList authMethods = {QStringLiteral("client_secret_basic"), QStringLiteral("client_secret_post")};
    JsonWriter writer(JsonWriter::Style::Python);
    writer.beginObject()
        .field(u"issuer", issuer)
        .field(u"authorization_endpoint", issuer + QStringLiteral("/o/authorize/"))
        .field(u"token_endpoint", issuer + QStringLiteral("/o/token/"))
        .field(u"revocation_endpoint", issuer + QStringLiteral("/o/revoke_token/"))
        .field(u"introspection_endpoint", issuer + QStringLiteral("/o/introspect/"));
    list(writer, u"scopes_supported", m_context.config.scopes);
    list(writer, u"response_types_supported", {QStringLiteral("code")});
    list(writer, u"response_modes_supported", {QStringLiteral("query")});
    list(writer, u"grant_types_supported",
         {QStringLiteral("authorization_code"), QStringLiteral("password"), QStringLiteral("client_credentials"),
          QStringLiteral("refresh_token")});
    list(writer, u"token_endpoint_auth_methods_supported", authMethods + QStringList{QStringLiteral("none")});
    list(writer, u"revocation_endpoint_auth_methods_supported", authMethods + QStringList{QStringLiteral("none")});
    list(writer, u"introspection_endpoint_auth_methods_supported", authMethods);
    list(writer, u"code_challenge_methods_supported", {QStringLiteral("plain"), QStringLiteral("S256")});
    respond(HttpResponse::json(200, writer.endObject().take()));
}

} // namespace tb::server
