#pragma once

#include "auth/OAuthError.h"
#include "auth/OAuthProfile.h"
#include "auth/TokenResponse.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace tb {

class Clock;

// The HTTP half of OAuth 2.0 on QNetworkAccessManager: form POSTs to the token, device, revocation and
// introspection endpoints with the profile's client authentication, and their answers parsed.
//
//   client_secret_basic:  Authorization: Basic base64(urlencode(id) ":" urlencode(secret))   (RFC 6749 2.3.1)
//   client_secret_post:   client_id=...&client_secret=... in the body, like the seed's curl -d
//   public client:        client_id in the body, no secret
//
// Redirects are not followed for POSTs (a 301 from /o/token to /o/token/ would drop the body); the error names the
// URL to use instead. Every callback runs on `context`'s thread and not at all once `context` is gone.
class OAuthClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthClient)

public:
    using Params = OAuthProfile::Params;

    // What an endpoint answered, or the network error when nothing did.
    struct Answer
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        std::optional<OAuthError> networkError;
    };
    using AnswerCallback = std::function<void(const Answer&)>;
    using TokenCallback = std::function<void(const TokenResult&)>;
    // An error, or nullopt on success.
    using DoneCallback = std::function<void(const std::optional<OAuthError>&)>;
    using JsonCallback = std::function<void(const QJsonObject&, const std::optional<OAuthError>&)>;

    OAuthClient(QNetworkAccessManager* network, Clock* clock, QObject* parent = nullptr);
    ~OAuthClient() override;

    // POSTs `fields` (plus client authentication) as a form to `url`.
    void postForm(const QString& url, Params fields, const OAuthProfile& profile, const QString& clientSecret,
                  QObject* context, AnswerCallback done);
    void getJson(const QString& url, QObject* context, JsonCallback done);

    // A token request: `grantFields` plus the profile's tokenParams, parsed as RFC 6749 5.1/5.2.
    void requestToken(const OAuthProfile& profile, const QString& clientSecret, Params grantFields,
                      const QString& requestedScope, QObject* context, TokenCallback done);

    void passwordGrant(const OAuthProfile& profile, const QString& clientSecret, const QString& password,
                       QObject* context, TokenCallback done);
    void clientCredentialsGrant(const OAuthProfile& profile, const QString& clientSecret, QObject* context,
                                TokenCallback done);
    // RFC 6749 6. The result keeps `previous`'s refresh token when the answer has none, and its scope when the
    // answer omits it.
    void refresh(const OAuthProfile& profile, const QString& clientSecret, const TokenSet& previous, QObject* context,
                 TokenCallback done);
    void exchangeCode(const OAuthProfile& profile, const QString& clientSecret, const QString& code,
                      const QString& redirectUri, const QByteArray& codeVerifier, QObject* context, TokenCallback done);

    // RFC 7009: 200 means revoked (or unknown, which the RFC treats the same).
    void revoke(const OAuthProfile& profile, const QString& clientSecret, const QString& token,
                const QString& tokenTypeHint, QObject* context, DoneCallback done);
    // RFC 7662: the answer as the server sent it.
    void introspect(const OAuthProfile& profile, const QString& clientSecret, const QString& token, QObject* context,
                    JsonCallback done);

    Clock* clock() const { return m_clock; }
    QNetworkAccessManager* network() const { return m_network; }

    // Seconds a single token-endpoint exchange may take.
    static constexpr int requestTimeoutMs = 30'000;

private:
    QNetworkAccessManager* m_network;
    Clock* m_clock;
};

} // namespace tb
