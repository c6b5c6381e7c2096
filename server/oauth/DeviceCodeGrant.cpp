#include "server/oauth/DeviceCodeGrant.h"

#include "server/crypto/TokenCrypto.h"
#include "server/oauth/OAuthResponse.h"

namespace tb::server {

void DeviceCodeGrant::handle(const HttpRequest& request, const FormData& form, Responder respond)
{
    if (form.value(u"device_code").isEmpty()) {
        respond(
            OAuthResponse::error(QStringLiteral("invalid_request"), QStringLiteral("Missing device_code parameter.")));
        return;
    }
    m_clientAuth.authenticate(request, form, true, [this, form, respond](ClientAuthenticator::Result result) {
        if (!result.client) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        if (!result.client->grantTypes.contains(grantType())) {
            respond(OAuthResponse::error(QStringLiteral("unauthorized_client")));
            return;
        }
        respond(redeem(*result.client, form.value(u"device_code").toUtf8()));
    });
}

HttpResponse DeviceCodeGrant::redeem(const ClientRecord& client, const QByteArray& deviceCode)
{
    const qint64 now = m_context.now();
    DeviceCodeStore& codes = m_context.store.deviceCodes();
    const std::optional<DeviceCodeRecord> code = codes.byDeviceDigest(tokenDigest(deviceCode));
    if (!code || code->clientPk != client.id || code->status == DeviceCodeRecord::Status::Used) {
        return OAuthResponse::error(QStringLiteral("invalid_grant"));
    }
    if (now >= code->expires) {
        return OAuthResponse::error(QStringLiteral("expired_token"));
    }
    switch (code->status) {
    case DeviceCodeRecord::Status::Denied:
        return OAuthResponse::error(QStringLiteral("access_denied"));
    case DeviceCodeRecord::Status::Pending:
        if (code->lastPolled != 0 && now - code->lastPolled < code->interval) {
            // Section 3.5: the interval grows by 5 seconds for this and all later requests.
            codes.recordPoll(code->id, now, code->interval + slowDownSeconds);
            return OAuthResponse::error(QStringLiteral("slow_down"));
        }
        codes.recordPoll(code->id, now, code->interval);
        return OAuthResponse::error(QStringLiteral("authorization_pending"));
    case DeviceCodeRecord::Status::Approved:
    case DeviceCodeRecord::Status::Used:
        break;
    }
    Database& db = m_context.store.database();
    db.transaction();
    if (!codes.markUsed(code->id)) {
        db.rollback();
        return OAuthResponse::error(QStringLiteral("invalid_grant"));
    }
    const bool withRefresh = client.grantTypes.contains(u"refresh_token");
    const std::optional<IssuedTokens> tokens = m_issuer.issue(client.id, code->userId, code->scope, withRefresh);
    if (!tokens || !db.commit()) {
        db.rollback();
        return OAuthResponse::json(500, QByteArrayLiteral("{\"error\": \"server_error\"}"));
    }
    return OAuthResponse::json(200, TokenIssuer::responseBody(*tokens));
}

} // namespace tb::server
