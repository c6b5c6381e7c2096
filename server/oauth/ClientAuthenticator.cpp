#include "server/oauth/ClientAuthenticator.h"

namespace tb::server {

namespace {

struct BasicCredentials
{
    QString clientId;
    QString secret;
};

std::optional<BasicCredentials> parseBasic(const QByteArray& header)
{
    if (!header.startsWith("Basic ")) {
        return std::nullopt;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(header.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0) {
        return std::nullopt;
    }
    // RFC 6749 section 2.3.1: both parts are form-urlencoded before base64 (DOT unquotes them).
    const FormData parts =
        FormData::parse("id=" + decoded.decoded.left(colon) + "&secret=" + decoded.decoded.mid(colon + 1));
    return BasicCredentials{parts.value(u"id"), parts.value(u"secret")};
}

} // namespace

void ClientAuthenticator::verifySecret(const ClientRecord& client, const QString& secret,
                                       std::function<void(bool)> done)
{
    if (!client.confidential || client.secretHash.isEmpty() || secret.isEmpty()) {
        done(false);
        return;
    }
    m_context.verifier.verify(client.secretHash, secret.toUtf8(), std::move(done),
                              QStringLiteral("client:") + client.clientId);
}

void ClientAuthenticator::authenticate(const HttpRequest& request, const FormData& form, bool allowPublic,
                                       std::function<void(Result)> done)
{
    const QByteArray authorization = request.header("authorization");
    const auto basic = parseBasic(authorization);
    const QString bodyId = form.value(u"client_id");
    const QString bodySecret = form.value(u"client_secret");

    // The body credentials, tried when Basic is absent or fails (DOT's order).
    auto tryBody = [this, bodyId, bodySecret, allowPublic, hasBasic = authorization.startsWith("Basic "),
                    done](bool) mutable {
        std::optional<ClientRecord> client =
            bodyId.isEmpty() ? std::nullopt : m_context.store.clients().byClientId(bodyId);
        const bool required = hasBasic || !bodySecret.isEmpty() || (client && client->confidential) || !client;
        if (!required && allowPublic) {
            done({client, false});
            return;
        }
        if (!client || bodySecret.isEmpty()) {
            done({});
            return;
        }
        const ClientRecord found = *client;
        verifySecret(found, bodySecret, [found, done](bool ok) { done(ok ? Result{found, true} : Result{}); });
    };

    if (basic) {
        std::optional<ClientRecord> client = m_context.store.clients().byClientId(basic->clientId);
        if (client) {
            const ClientRecord found = *client;
            verifySecret(found, basic->secret, [found, done, tryBody](bool ok) mutable {
                if (ok) {
                    done({found, true});
                } else {
                    tryBody(false);
                }
            });
            return;
        }
    }
    tryBody(false);
}

} // namespace tb::server
