#include "server/oauth/IntrospectionEndpoint.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/JsonWriter.h"

namespace tb::server {

void IntrospectionEndpoint::handle(const HttpRequest& request, Responder respond)
{
    const bool get = request.method == "GET" || request.method == "HEAD";
    const FormData form = get ? FormData::parse(request.query) : FormData::fromRequestBody(request);
    const QString method = QString::fromLatin1(request.method);
    m_clientAuth.authenticate(request, form, false, [this, form, method, respond](ClientAuthenticator::Result result) {
        if (!result.client || !result.authenticated) {
            respond(HttpResponse::emptyHtml(403));
            return;
        }
        if (method != u"GET" && method != u"HEAD" && method != u"POST") {
            HttpResponse response = HttpResponse::emptyHtml(405);
            response.setHeader("Allow", "GET, POST, HEAD, OPTIONS");
            respond(std::move(response));
            return;
        }
        const auto token = form.contains(u"token")
                               ? m_context.store.tokens().accessByDigest(tokenDigest(form.value(u"token").toUtf8()))
                               : std::nullopt;
        const bool visible = token && (token->clientPk == result.client->id || result.client->resourceServer);
        JsonWriter writer(JsonWriter::Style::Python);
        writer.beginObject();
        if (!visible || token->expires <= m_context.now()) {
            writer.key(u"active").boolean(false);
        } else {
            writer.key(u"active").boolean(true);
            writer.field(u"scope", token->scope).field(u"exp", token->expires).field(u"client_id", token->clientId);
            if (token->userId != 0) {
                writer.field(u"username", token->username);
            }
        }
        respond(HttpResponse::json(200, writer.endObject().take()));
    });
}

} // namespace tb::server
