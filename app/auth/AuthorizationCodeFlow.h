#pragma once

#include "auth/LoopbackRedirectReceiver.h"
#include "auth/OAuthProfile.h"
#include "auth/Pkce.h"
#include "auth/TokenResponse.h"
#include "core/Clock.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace tb {

class OAuthClient;

// Opens a URL in the person's browser. The GUI and CLI supply one backed by QDesktopServices::openUrl (QtGui);
// tests supply one that plays the browser. Returns false when no browser could be started.
using UrlOpener = std::function<bool(const QUrl&)>;

// Authorization code grant with PKCE and a loopback redirect (RFC 6749 4.1, RFC 7636, RFC 8252):
//
//   Tokenbench                         browser                       authorization server
//   listen 127.0.0.1:PORT
//   state, verifier, S256 challenge
//   open authorize?response_type=code&client_id&redirect_uri&scope&state&code_challenge&code_challenge_method=S256
//                                      -- sign in, consent -------->
//                                      <-- 302 redirect_uri?code&state
//   <-- GET /callback?code&state ------
//   check state; POST token: grant_type=authorization_code&code&redirect_uri&code_verifier --------------------->
//   <------------------------------------------------------------------------------------------ tokens --------
//
// Ends with exactly one finished(): tokens, or a clear error on a state mismatch, an ?error= redirect (access
// denied), the timeout (default 5 minutes, on the injected clock) or cancel().
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationCodeFlow)

public:
    AuthorizationCodeFlow(OAuthClient* client, UrlOpener opener, QObject* parent = nullptr);
    ~AuthorizationCodeFlow() override;

    void start(const OAuthProfile& profile, const QString& clientSecret);
    void cancel();
    bool isRunning() const { return m_running; }
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QString redirectUri() const { return m_receiver.redirectUri(); }

signals:
    // The URL the browser was sent to (also for people to open by hand when no browser starts).
    void authorizationUrlReady(const QUrl& url);
    void finished(const tb::TokenResult& result);

private:
    void onRedirect(const LoopbackRedirectReceiver::Params& params);
    void finish(const TokenResult& result);

    OAuthClient* m_client;
    UrlOpener m_opener;
    LoopbackRedirectReceiver m_receiver;
    OAuthProfile m_profile;
    QString m_clientSecret;
    Pkce m_pkce;
    QByteArray m_state;
    QUrl m_authorizationUrl;
    Clock::TimerId m_timeout = 0;
    bool m_running = false;
};

} // namespace tb
