#include "auth/DeviceAuthorizationFlow.h"

#include "auth/OAuthClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tb {

DeviceAuthorizationFlow::DeviceAuthorizationFlow(OAuthClient* client, QObject* parent)
    : QObject(parent), m_client(client)
{}

DeviceAuthorizationFlow::~DeviceAuthorizationFlow()
{
    if (m_timer)
        m_client->clock()->cancel(m_timer);
}

void DeviceAuthorizationFlow::start(const OAuthProfile& profile, const QString& clientSecret)
{
    m_profile = profile;
    m_clientSecret = clientSecret;
    m_running = true;
    m_polls = 0;
    OAuthClient::Params fields;
    if (!profile.scope.isEmpty())
        fields.append({QStringLiteral("scope"), profile.scope});
    fields.append(profile.authorizeParams);
    m_client->postForm(
        profile.deviceAuthorizationUrl, fields, profile, clientSecret, this, [this](const OAuthClient::Answer& a) {
            if (a.networkError)
                return finish(TokenResult::failure(*a.networkError));
            const QJsonObject json = QJsonDocument::fromJson(a.body).object();
            if (a.status != 200 || json.contains(QStringLiteral("error")))
                return finish(TokenResult::failure(TokenResponse::parseError(a.status, a.contentType, a.body)));
            m_deviceCode = json.value(QStringLiteral("device_code")).toString();
            const QString userCode = json.value(QStringLiteral("user_code")).toString();
            // Some servers (older drafts, Google) say verification_url.
            QString uri = json.value(QStringLiteral("verification_uri")).toString();
            if (uri.isEmpty())
                uri = json.value(QStringLiteral("verification_url")).toString();
            if (m_deviceCode.isEmpty() || userCode.isEmpty() || uri.isEmpty())
                return finish(TokenResult::failure(
                    OAuthError::make(OAuthError::Kind::Protocol, QStringLiteral("invalid_response"),
                                     QStringLiteral("the device authorization answer lacks device_code, user_code or "
                                                    "verification_uri"),
                                     a.status)));
            const int expiresIn = json.value(QStringLiteral("expires_in")).toVariant().toInt();
            const int interval = json.value(QStringLiteral("interval")).toVariant().toInt();
            m_interval = interval > 0 ? interval : 5;
            m_expiresAt = m_client->clock()->now().addSecs(expiresIn > 0 ? expiresIn : 600);
            emit userCodeReady(userCode, uri, json.value(QStringLiteral("verification_uri_complete")).toString());
            schedulePoll();
        });
}

void DeviceAuthorizationFlow::cancel()
{
    finish(TokenResult::failure(OAuthError::make(OAuthError::Kind::Cancelled, QStringLiteral("cancelled"),
                                                 QStringLiteral("sign-in cancelled"))));
}

void DeviceAuthorizationFlow::schedulePoll()
{
    Clock* clock = m_client->clock();
    const QDateTime next = clock->now().addSecs(m_interval);
    m_timer = clock->callAt(next, this, [this] {
        m_timer = 0;
        poll();
    });
}

void DeviceAuthorizationFlow::poll()
{
    if (!m_running)
        return;
    if (m_client->clock()->now() >= m_expiresAt)
        return finish(TokenResult::failure(
            OAuthError::make(OAuthError::Kind::Timeout, QStringLiteral("expired_token"),
                             QStringLiteral("the device code expired before sign-in was completed; start again"))));
    ++m_polls;
    const OAuthClient::Params fields{{QStringLiteral("grant_type"), QString::fromLatin1(grantType)},
                                     {QStringLiteral("device_code"), m_deviceCode}};
    m_client->requestToken(m_profile, m_clientSecret, fields, m_profile.scope, this, [this](const TokenResult& r) {
        if (!m_running)
            return;
        if (r.ok())
            return finish(r);
        if (r.error->error == u"authorization_pending")
            return schedulePoll();
        if (r.error->error == u"slow_down") {
            m_interval += 5; // RFC 8628 3.5: for this and all later requests
            return schedulePoll();
        }
        finish(r);
    });
}

void DeviceAuthorizationFlow::finish(const TokenResult& result)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_timer) {
        m_client->clock()->cancel(m_timer);
        m_timer = 0;
    }
    m_clientSecret.clear();
    emit finished(result);
}

} // namespace tb
