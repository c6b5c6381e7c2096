#include "server/oauth/DeviceAuthorizationEndpoint.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/JsonWriter.h"
#include "server/http/RequestUrl.h"
#include "server/oauth/DeviceCodeGrant.h"
#include "server/oauth/OAuthResponse.h"
#include "server/oauth/UserCode.h"

namespace tb::server {

void DeviceAuthorizationEndpoint::handle(const HttpRequest& request, Responder respond)
{
    if (auto refusal = OAuthResponse::checkPostOnly(request)) {
        respond(std::move(*refusal));
        return;
    }
    const FormData form = FormData::fromRequestBody(request);
    m_clientAuth.authenticate(request, form, true, [this, request, form, respond](ClientAuthenticator::Result result) {
        if (!result.client) {
            respond(OAuthResponse::invalidClient());
            return;
        }
        if (!result.client->grantTypes.contains(DeviceCodeGrant::grantType())) {
            respond(OAuthResponse::error(QStringLiteral("unauthorized_client")));
            return;
        }
        QStringList scopes = m_context.config.scopes;
        if (form.contains(u"scope")) {
            scopes = form.value(u"scope").trimmed().split(u' ');
            for (const QString& scope : std::as_const(scopes)) {
                if (!m_context.config.scopes.contains(scope)) {
                    respond(OAuthResponse::error(QStringLiteral("invalid_scope")));
                    return;
                }
            }
        }
        const qint64 now = m_context.now();
        DeviceCodeStore& codes = m_context.store.deviceCodes();
        codes.removeExpired(now - 24 * 3600); // kept a day, so late polls still get expired_token
        DeviceCodeRecord record;
        record.clientPk = result.client->id;
        record.scope = scopes.join(u' ');
        record.interval = intervalSeconds;
        record.expires = now + lifetimeSeconds;
        const QByteArray deviceCode = generateToken(40);
        QString userCode;
        // A clash with a live user code is rare (34 bits); try a few fresh codes before giving up.
        for (int attempt = 0; attempt < 5 && userCode.isEmpty(); ++attempt) {
            const QString candidate = UserCode::generate();
            if (codes.insert(tokenDigest(deviceCode), tokenDigest(UserCode::normalize(candidate)), record, now) != 0) {
                userCode = candidate;
            }
        }
        if (userCode.isEmpty()) {
            respond(OAuthResponse::json(500, QByteArrayLiteral("{\"error\": \"server_error\"}")));
            return;
        }
        const QString verificationUri = RequestUrl::origin(request) + QStringLiteral("/o/device/");
        JsonWriter writer(JsonWriter::Style::Python);
        writer.beginObject()
            .field(u"device_code", QString::fromLatin1(deviceCode))
            .field(u"user_code", userCode)
            .field(u"verification_uri", verificationUri)
            .field(u"verification_uri_complete", verificationUri + QStringLiteral("?user_code=") + userCode)
            .field(u"expires_in", lifetimeSeconds)
            .field(u"interval", intervalSeconds)
            .endObject();
        respond(OAuthResponse::json(200, writer.take()));
    });
}

} // namespace tb::server
