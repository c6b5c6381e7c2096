#pragma once

#include "auth/OAuthProfile.h"
#include "auth/TokenResponse.h"
#include "core/Clock.h"

#include <QDateTime>
#include <QObject>

namespace tb {

class OAuthClient;

// Device authorization grant (RFC 8628):
//
//   POST device_authorization: client_id, scope  ->  device_code, user_code, verification_uri[_complete],
//                                                    expires_in, interval (default 5 s)
//   show user_code + verification_uri           (userCodeReady)
//   every `interval` s on the clock: POST token grant_type=urn:ietf:params:oauth:grant-type:device_code
//     authorization_pending -> keep polling;  slow_down -> interval += 5 s (3.5);
//     access_denied / expired_token / other -> stop with that error;  tokens -> done
//   stop by ourselves once expires_in has passed.
class DeviceAuthorizationFlow : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceAuthorizationFlow)

public:
    static constexpr const char* grantType = "urn:ietf:params:oauth:grant-type:device_code";

    explicit DeviceAuthorizationFlow(OAuthClient* client, QObject* parent = nullptr);
    ~DeviceAuthorizationFlow() override;

    void start(const OAuthProfile& profile, const QString& clientSecret);
    void cancel();
    bool isRunning() const { return m_running; }
    int intervalSeconds() const { return m_interval; }
    int pollCount() const { return m_polls; }

signals:
    void userCodeReady(const QString& userCode, const QString& verificationUri, const QString& verificationUriComplete);
    void finished(const tb::TokenResult& result);

private:
    void schedulePoll();
    void poll();
    void finish(const TokenResult& result);

    OAuthClient* m_client;
    OAuthProfile m_profile;
    QString m_clientSecret;
    QString m_deviceCode;
    QDateTime m_expiresAt;
    int m_interval = 5;
    int m_polls = 0;
    Clock::TimerId m_timer = 0;
    bool m_running = false;
};

} // namespace tb
