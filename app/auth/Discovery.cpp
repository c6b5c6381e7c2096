#include "auth/Discovery.h"

#include "auth/OAuthClient.h"

#include <QPointer>

#include <memory>

namespace tb {

namespace {
QString normalised(QString issuer)
{
    while (issuer.endsWith(QLatin1Char('/')))
        issuer.chop(1);
    return issuer;
}
} // namespace

AuthServerMetadata AuthServerMetadata::fromJson(const QJsonObject& json)
{
    auto s = [&json](const char* key) { return json.value(QLatin1String(key)).toString(); };
    AuthServerMetadata m;
    m.issuer = s("issuer");
    m.tokenEndpoint = s("token_endpoint");
    m.authorizationEndpoint = s("authorization_endpoint");
    m.deviceAuthorizationEndpoint = s("device_authorization_endpoint");
    m.revocationEndpoint = s("revocation_endpoint");
    m.introspectionEndpoint = s("introspection_endpoint");
    m.raw = json;
    return m;
}

void AuthServerMetadata::applyTo(OAuthProfile& profile) const
{
    auto fill = [](QString& field, const QString& value) {
        if (field.trimmed().isEmpty())
            field = value;
    };
    fill(profile.tokenUrl, tokenEndpoint);
    fill(profile.authorizeUrl, authorizationEndpoint);
    fill(profile.deviceAuthorizationUrl, deviceAuthorizationEndpoint);
    fill(profile.revocationUrl, revocationEndpoint);
    fill(profile.introspectionUrl, introspectionEndpoint);
}

QList<QUrl> Discovery::candidateUrls(const QString& issuer)
{
    const QUrl base(normalised(issuer.trimmed()));
    QUrl rfc8414 = base;
    rfc8414.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + base.path());
    QUrl oidc = base;
    oidc.setPath(base.path() + QStringLiteral("/.well-known/openid-configuration"));
    return {rfc8414, oidc};
}

void Discovery::discover(OAuthClient& client, const QString& issuer, QObject* context, Callback done)
{
    const QList<QUrl> urls = candidateUrls(issuer);
    const QUrl base(issuer.trimmed());
    if (!base.isValid() || base.host().isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            &client,
            [guard, done, issuer] {
                if (guard)
                    done(std::nullopt, OAuthError::make(OAuthError::Kind::Config, QStringLiteral("configuration"),
                                                        QStringLiteral("the issuer \"%1\" is not a URL").arg(issuer)));
            },
            Qt::QueuedConnection);
        return;
    }
    // Try each URL in turn; the first valid metadata wins, else the errors of all of them are reported.
    auto attempt = std::make_shared<std::function<void(int, QStringList)>>();
    *attempt = [&client, urls, issuer, context, done, attempt](int index, QStringList failures) {
        if (index >= urls.size()) {
            done(std::nullopt, OAuthError::make(OAuthError::Kind::Protocol, QStringLiteral("discovery_failed"),
                                                QStringLiteral("no authorization server metadata for %1: %2")
                                                    .arg(issuer, failures.join(QStringLiteral("; ")))));
            *attempt = nullptr; // break the self-reference
            return;
        }
        const QUrl url = urls.at(index);
        client.getJson(url.toString(), context,
                       [url, index, issuer, failures, done, attempt](const QJsonObject& json,
                                                                     const std::optional<OAuthError>& error) mutable {
                           if (!error) {
                               AuthServerMetadata m = AuthServerMetadata::fromJson(json);
                               m.sourceUrl = url.toString();
                               if (normalised(m.issuer) != normalised(issuer))
                                   failures
                                       << QStringLiteral("%1 names the issuer \"%2\"").arg(url.toString(), m.issuer);
                               else if (m.tokenEndpoint.isEmpty())
                                   failures << QStringLiteral("%1 has no token_endpoint").arg(url.toString());
                               else {
                                   done(m, std::nullopt);
                                   *attempt = nullptr;
                                   return;
                               }
                           } else {
                               failures << QStringLiteral("%1: %2").arg(url.toString(), error->message());
                           }
                           (*attempt)(index + 1, failures);
                       });
    };
    (*attempt)(0, {});
}

} // namespace tb
