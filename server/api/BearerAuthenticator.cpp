#include "server/api/BearerAuthenticator.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/FormData.h"

namespace tb::server {

BearerAuthenticator::Result BearerAuthenticator::authenticate(const HttpRequest& request) const
{
    QByteArray token;
    if (request.hasHeader("authorization")) {
        const QList<QByteArray> parts = request.header("authorization").simplified().split(' ');
        if (parts.size() == 2 && parts[0].toLower() == "bearer" && !parts[1].isEmpty()) {
            token = parts[1];
        }
    } else {
        // oauthlib merges query and form body parameters; the body wins.
        const FormData body = FormData::fromRequestBody(request);
        const QString fromBody = body.value(u"access_token");
        token = (fromBody.isEmpty() ? FormData::parse(request.query).value(u"access_token") : fromBody).toUtf8();
    }
    if (token.isEmpty()) {
        return {};
    }
    const auto record = m_context.store.tokens().accessByDigest(tokenDigest(token));
    if (!record) {
        return {Outcome::Invalid, {}};
    }
    if (record->expires <= m_context.now()) {
        return {Outcome::Expired, {}};
    }
    return {Outcome::Authenticated, *record};
}

} // namespace tb::server
