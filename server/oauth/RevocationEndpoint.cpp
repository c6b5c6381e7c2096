#include "server/oauth/RevocationEndpoint.h"

#include "server/crypto/TokenCrypto.h"
#include "server/oauth/OAuthResponse.h"

namespace tb::server {

void RevocationEndpoint::handle(const HttpRequest& request, Responder respond)
{
    if (auto refusal = OAuthResponse::checkPostOnly(request)) {
        respond(std::move(*refusal));
        return;
    }
    const FormData form = FormData::fromRequestBody(request);
    if (!form.contains(u"token")) {
        respond(OAuthResponse::error(QStringLiteral("invalid_request"), QStringLiteral("Missing token parameter.")));
        return;
    }
    m_clientAuth.authenticate(request, form, true, [this, form, respond](ClientAuthenticator::Result result) {
        if (!result.client) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        const QByteArray digest = tokenDigest(form.value(u"token").toUtf8());
        TokenStore& tokens = m_context.store.tokens();
        // token_type_hint only orders the lookup in RFC 7009; both kinds are always searched.
        if (const auto access = tokens.accessByDigest(digest)) {
            if (access->clientPk == result.client->id) {
                tokens.deleteAccess(access->id);
            }
        } else if (const auto refresh = tokens.refreshByDigest(digest)) {
            if (refresh->clientPk == result.client->id) {
                Database& db = m_context.store.database();
                db.transaction();
                tokens.revokeRefresh(refresh->id, m_context.now());
                tokens.deleteAccessOfRefresh(refresh->id);
                db.commit();
            }
        }
        respond(HttpResponse::emptyHtml(200));
    });
}

} // namespace tb::server
