#include "auth/AuthorizationCodeFlow.h"

#include "auth/OAuthClient.h"

#include <QUrlQuery>

namespace tb {

AuthorizationCodeFlow::AuthorizationCodeFlow(OAuthClient* client, UrlOpener opener, QObject* parent)
    : QObject(parent), m_client(client), m_opener(std::move(opener))
{
    connect(&m_receiver, &LoopbackRedirectReceiver::redirectReceived, this, &AuthorizationCodeFlow::onRedirect);
}

AuthorizationCodeFlow::~AuthorizationCodeFlow()
{
    if (m_timeout)
        m_client->clock()->cancel(m_timeout);
}

void AuthorizationCodeFlow::start(const OAuthProfile& profile, const QString& clientSecret)
{
    m_profile = profile;
    m_clientSecret = clientSecret;
    m_running = true;
    auto fail = [this](const QString& message) {
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                finish(TokenResult::failure(
                    OAuthError::make(OAuthError::Kind::Config, QStringLiteral("configuration"), message)));
            },
            Qt::QueuedConnection);
    };
    const QUrl authorize(profile.authorizeUrl.trimmed());
    if (!authorize.isValid() || authorize.host().isEmpty())
        return fail(QStringLiteral("no valid authorize URL (set it, or an issuer to discover it from)"));
    if (!m_receiver.listen(static_cast<quint16>(profile.redirectPort), profile.redirectPath))
        return fail(m_receiver.errorString());

    m_pkce = Pkce::generate();
    m_state = Pkce::randomUrlSafe(24);
    QUrlQuery query(authorize);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), profile.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), m_receiver.redirectUri());
    if (!profile.scope.isEmpty())
        query.addQueryItem(QStringLiteral("scope"), profile.scope);
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_state));
    query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(m_pkce.challenge()));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QString::fromLatin1(Pkce::method));
    for (const auto& [name, value] : profile.authorizeParams)
        query.addQueryItem(name, value);
    m_authorizationUrl = authorize;
    // Fully encoded: a '+' or '&' inside a value must not change meaning on the way.
    QString encoded;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    }
    m_authorizationUrl.setQuery(encoded, QUrl::StrictMode);

    Clock* clock = m_client->clock();
    m_timeout = clock->callAt(clock->now().addSecs(profile.authorizationTimeoutSeconds), this, [this] {
        m_timeout = 0;
        finish(
            TokenResult::failure(OAuthError::make(OAuthError::Kind::Timeout, QStringLiteral("timeout"),
                                                  QStringLiteral("sign-in was not completed within %1 s; start again")
                                                      .arg(m_profile.authorizationTimeoutSeconds))));
    });
    emit authorizationUrlReady(m_authorizationUrl);
    if (m_opener && !m_opener(m_authorizationUrl)) {
        // No browser: the URL was announced, the person can still open it by hand; keep waiting.
    }
}

void AuthorizationCodeFlow::cancel()
{
    if (!m_running)
        return;
    finish(TokenResult::failure(OAuthError::make(OAuthError::Kind::Cancelled, QStringLiteral("cancelled"),
                                                 QStringLiteral("sign-in cancelled"))));
}

void AuthorizationCodeFlow::onRedirect(const LoopbackRedirectReceiver::Params& params)
{
    if (!m_running)
        return;
    const QString state = LoopbackRedirectReceiver::value(params, QStringLiteral("state"));
    const QString error = LoopbackRedirectReceiver::value(params, QStringLiteral("error"));
    if (state != QString::fromLatin1(m_state)) {
        // Checked first: an unsolicited redirect (CSRF) must not end up looking like the server's answer.
        return finish(TokenResult::failure(OAuthError::make(
            OAuthError::Kind::Protocol, QStringLiteral("state_mismatch"),
            QStringLiteral("the redirect's state does not match the one sent; the answer was ignored (possible "
                           "cross-site request forgery, or an old browser tab)"))));
    }
    if (!error.isEmpty()) {
        OAuthError e;
        e.kind = OAuthError::Kind::OAuth;
        e.error = error;
        e.description = LoopbackRedirectReceiver::value(params, QStringLiteral("error_description"));
        if (e.description.isEmpty() && error == u"access_denied")
            e.description = QStringLiteral("the sign-in was denied at the authorization server");
        e.uri = LoopbackRedirectReceiver::value(params, QStringLiteral("error_uri"));
        return finish(TokenResult::failure(e));
    }
    const QString code = LoopbackRedirectReceiver::value(params, QStringLiteral("code"));
    if (code.isEmpty())
        return finish(
            TokenResult::failure(OAuthError::make(OAuthError::Kind::Protocol, QStringLiteral("invalid_response"),
                                                  QStringLiteral("the redirect carries no code"))));
    if (m_timeout) {
        m_client->clock()->cancel(m_timeout);
        m_timeout = 0;
    }
    m_client->exchangeCode(m_profile, m_clientSecret, code, m_receiver.redirectUri(), m_pkce.verifier(), this,
                           [this](const TokenResult& result) { finish(result); });
}

void AuthorizationCodeFlow::finish(const TokenResult& result)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_timeout) {
        m_client->clock()->cancel(m_timeout);
        m_timeout = 0;
    }
    m_receiver.close();
    m_clientSecret.clear();
    emit finished(result);
}

} // namespace tb
