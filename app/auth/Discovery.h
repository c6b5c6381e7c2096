#pragma once

#include "auth/OAuthError.h"
#include "auth/OAuthProfile.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace tb {

class OAuthClient;

// Authorization server metadata: RFC 8414 first, then OpenID Connect Discovery 1.0.
//   issuer https://h/t  ->  https://h/.well-known/oauth-authorization-server/t   (RFC 8414 3: inserted)
//                       ->  https://h/t/.well-known/openid-configuration         (OIDC: appended)
// The metadata's `issuer` must equal the issuer asked for (RFC 8414 3.3), else it is rejected.
struct AuthServerMetadata
{
    QString issuer;
    QString tokenEndpoint;
    QString authorizationEndpoint;
    QString deviceAuthorizationEndpoint;
    QString revocationEndpoint;
    QString introspectionEndpoint;
    QString sourceUrl; // the well-known URL that answered
    QJsonObject raw;

    static AuthServerMetadata fromJson(const QJsonObject& json);
    // Fills the profile's empty endpoint URLs; URLs the user set win.
    void applyTo(OAuthProfile& profile) const;
};

class Discovery
{
public:
    using Callback = std::function<void(const std::optional<AuthServerMetadata>&, const std::optional<OAuthError>&)>;

    // The well-known URLs to try for `issuer`, in order.
    static QList<QUrl> candidateUrls(const QString& issuer);
    static void discover(OAuthClient& client, const QString& issuer, QObject* context, Callback done);
};

} // namespace tb
