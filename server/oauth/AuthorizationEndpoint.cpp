#include "server/oauth/AuthorizationEndpoint.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/CsrfGuard.h"
#include "server/http/HtmlPage.h"

#include <QUrl>

namespace tb::server {

struct AuthorizationEndpoint::Validated
{
    enum class Outcome
    {
        Valid,
        Fatal,   // 400 page, no redirect
        Redirect // error to the redirect URI
    };
    Outcome outcome = Outcome::Valid;
    QString error;
    QString description;

    ClientRecord client;
    QString redirectUri; // as sent, or the client's default
    QString responseType;
    QString state;
    QStringList scopes;
    QString codeChallenge;
    QString codeChallengeMethod; // "plain" when a challenge came without a method
    QString nonce;
    QString claims;
};

namespace {

const QByteArray kAllow = QByteArrayLiteral("GET, POST, HEAD, OPTIONS");

// oauthlib's add_params_to_uri: the redirect URI's own query is kept (re-encoded), the new pairs follow.
QByteArray withParams(const QString& uri, const QList<std::pair<QString, QString>>& params)
{
    const qsizetype question = uri.indexOf(u'?');
    const QString base = question < 0 ? uri : uri.left(question);
    QList<std::pair<QString, QString>> pairs;
    if (question >= 0) {
        pairs = FormData::parse(uri.mid(question + 1).toUtf8()).pairs();
    }
    pairs += params;
    return QUrl(base).toEncoded() + '?' + FormData::encode(pairs);
}

HttpResponse redirect(const QByteArray& location)
{
    HttpResponse response = HttpResponse::emptyHtml(302);
    response.setHeader("Location", location);
    return response;
}

HttpResponse errorRedirect(const QString& redirectUri, const QString& error, const QString& description,
                           const QString& state)
{
    QList<std::pair<QString, QString>> params = {{QStringLiteral("error"), error}};
    if (!description.isEmpty()) {
        params.append({QStringLiteral("error_description"), description});
    }
    if (!state.isEmpty()) {
        params.append({QStringLiteral("state"), state});
    }
    return redirect(withParams(redirectUri, params));
}

HttpResponse fatalPage(const QString& error, const QString& description)
{
    return HtmlPage::response(400, HtmlPage::render(u"message", QStringLiteral("Error"),
                                                    {{QStringLiteral("heading"), QStringLiteral("Error: ") + error},
                                                     {QStringLiteral("message"), description}}));
}

// RFC 3986 absolute-URI (oauthlib's is_absolute_uri): a scheme, and no fragment.
bool isAbsoluteUri(const QString& uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() && !url.hasFragment();
}

QSet<std::pair<QString, QString>> queryPairs(const QUrl& url)
{
    QSet<std::pair<QString, QString>> pairs;
    const FormData query = FormData::parse(url.query(QUrl::FullyEncoded).toUtf8());
    for (const auto& pair : query.pairs()) {
        pairs.insert(pair);
    }
    return pairs;
}

// DOT's redirect_to_uri_allowed: same scheme, authority and path as a registered URI, whose query parameters
// must all be present; a registered http loopback IP without a port accepts any port (RFC 8252 section 7.3).
bool redirectAllowed(const QString& uri, const QStringList& registered)
{
    const QUrl url(uri);
    for (const QString& allowedText : registered) {
        const QUrl allowed(allowedText);
        const bool loopbackAnyPort = allowed.scheme() == u"http" && allowed.port() == -1 &&
                                     (allowed.host() == u"127.0.0.1" || allowed.host() == u"::1");
        const bool sameOrigin =
            allowed.scheme() == url.scheme() &&
            (loopbackAnyPort ? allowed.host() == url.host() : allowed.authority() == url.authority());
        if (sameOrigin && allowed.path() == url.path() && queryPairs(url).contains(queryPairs(allowed))) {
            return true;
        }
    }
    return false;
}

// Django's BooleanField: empty, "false" and "0" are false.
bool truthy(const QString& value)
{
    return !value.isEmpty() && value.compare(u"false", Qt::CaseInsensitive) != 0 && value != u"0";
}

} // namespace

QString AuthorizationEndpoint::scopeDescription(const QString& scope)
{
    if (scope == u"read") {
        return QStringLiteral("Read scope");
    }
    if (scope == u"write") {
        return QStringLiteral("Write scope");
    }
    if (scope == u"groups") {
        return QStringLiteral("Access to your groups");
    }
    return scope;
}

AuthorizationEndpoint::Validated AuthorizationEndpoint::validate(const FormData& params, bool checkDuplicates)
{
    using Outcome = Validated::Outcome;
    Validated v;
    const auto fail = [&v](Outcome outcome, const QString& error, const QString& description = {}) {
        v.outcome = outcome;
        v.error = error;
        v.description = description;
        return v;
    };
    const QString invalidRequest = QStringLiteral("invalid_request");
    if (checkDuplicates) {
        for (const char16_t* name : {u"client_id", u"response_type", u"redirect_uri", u"scope", u"state"}) {
            if (params.count(name) > 1) {
                return fail(Outcome::Fatal, invalidRequest,
                            QStringLiteral("Duplicate %1 parameter.").arg(QString::fromUtf16(name)));
            }
        }
    }
    const QString clientId = params.value(u"client_id");
    if (clientId.isEmpty()) {
        return fail(Outcome::Fatal, invalidRequest, QStringLiteral("Missing client_id parameter."));
    }
    const std::optional<ClientRecord> client = m_context.store.clients().byClientId(clientId);
    if (!client) {
        return fail(Outcome::Fatal, invalidRequest, QStringLiteral("Invalid client_id parameter value."));
    }
    v.client = *client;
    v.redirectUri = params.value(u"redirect_uri");
    if (!v.redirectUri.isEmpty()) {
        if (!isAbsoluteUri(v.redirectUri)) {
            return fail(Outcome::Fatal, invalidRequest, QStringLiteral("Invalid redirect URI."));
        }
        if (!redirectAllowed(v.redirectUri, client->redirectUris)) {
            return fail(Outcome::Fatal, invalidRequest, QStringLiteral("Mismatching redirect URI."));
        }
    } else if (!client->redirectUris.isEmpty()) {
        v.redirectUri = client->redirectUris.first();
    } else {
        return fail(Outcome::Fatal, invalidRequest, QStringLiteral("Missing redirect URI."));
    }

    // From here on the redirect URI is trusted: errors go back to it with the state.
    v.state = params.value(u"state");
    v.responseType = params.value(u"response_type");
    v.nonce = params.value(u"nonce");
    v.claims = params.value(u"claims");
    if (!params.contains(u"response_type")) {
        return fail(Outcome::Redirect, invalidRequest, QStringLiteral("Missing response_type parameter."));
    }
    if (v.responseType != u"code") {
        // oauthlib hands "token" to the implicit grant and "none" or anything naming "code" to the code grant;
        // no client here may use those, so they are unauthorized. Anything else is not a response type at all.
        const bool known = v.responseType == u"token" || v.responseType == u"none" || v.responseType.contains(u"code");
        return fail(Outcome::Redirect,
                    known ? QStringLiteral("unauthorized_client") : QStringLiteral("unsupported_response_type"));
    }
    if (!client->grantTypes.contains(u"authorization_code")) {
        return fail(Outcome::Redirect, QStringLiteral("unauthorized_client"));
    }
    v.codeChallenge = params.value(u"code_challenge");
    if (params.contains(u"code_challenge")) {
        v.codeChallengeMethod = params.value(u"code_challenge_method");
        if (v.codeChallengeMethod.isEmpty()) {
            v.codeChallengeMethod = QStringLiteral("plain"); // RFC 7636 section 4.3
        }
        if (v.codeChallengeMethod != u"plain" && v.codeChallengeMethod != u"S256") {
            return fail(Outcome::Redirect, invalidRequest, QStringLiteral("Transform algorithm not supported."));
        }
    }
    if (!params.contains(u"scope")) {
        v.scopes = m_context.config.scopes;
    } else {
        v.scopes = params.value(u"scope").trimmed().split(u' ');
        for (const QString& scope : std::as_const(v.scopes)) {
            if (!m_context.config.scopes.contains(scope)) {
                return fail(Outcome::Redirect, QStringLiteral("invalid_scope"));
            }
        }
    }
    return v;
}

void AuthorizationEndpoint::handle(const HttpRequest& request, Responder respond)
{
    const bool post = request.method == "POST";
    if (request.method == "OPTIONS") {
        HttpResponse response = HttpResponse::emptyHtml(200);
        response.setHeader("Allow", kAllow);
        respond(std::move(response));
        return;
    }
    if (!post && request.method != "GET" && request.method != "HEAD") {
        HttpResponse response = HttpResponse::emptyHtml(405);
        response.setHeader("Allow", kAllow);
        respond(std::move(response));
        return;
    }
    const FormData form = post ? FormData::fromRequestBody(request) : FormData();
    // Django's CSRF middleware runs before the view's login check.
    const std::optional<UserRecord> user = m_session.signedInUser(request, form, respond);
    if (!user) {
        return;
    }
    if (post) {
        respond(decide(form, *user));
        return;
    }
    const Validated validated = validate(FormData::parse(request.query), true);
    switch (validated.outcome) {
    case Validated::Outcome::Fatal:
        respond(fatalPage(validated.error, validated.description));
        return;
    case Validated::Outcome::Redirect:
        respond(errorRedirect(validated.redirectUri, validated.error, validated.description, validated.state));
        return;
    case Validated::Outcome::Valid:
        respond(consentPage(request, validated, *user));
        return;
    }
}

HttpResponse AuthorizationEndpoint::consentPage(const HttpRequest& request, const Validated& v, const UserRecord& user)
{
    // The peer's hidden fields, in its order.
    const QList<std::pair<QString, QString>> hidden = {
        {QStringLiteral("redirect_uri"), v.redirectUri},
        {QStringLiteral("scope"), v.scopes.join(u' ')},
        {QStringLiteral("nonce"), v.nonce},
        {QStringLiteral("client_id"), v.client.clientId},
        {QStringLiteral("state"), v.state},
        {QStringLiteral("response_type"), v.responseType},
        {QStringLiteral("code_challenge"), v.codeChallenge},
        {QStringLiteral("code_challenge_method"), v.codeChallengeMethod},
        {QStringLiteral("claims"), v.claims},
    };
    QString hiddenHtml;
    for (const auto& [name, value] : hidden) {
        hiddenHtml += HtmlPage::hiddenInput(name, value);
    }
    QString scopesHtml;
    for (const QString& scope : v.scopes) {
        scopesHtml += HtmlPage::listItem(scopeDescription(scope));
    }
    const QByteArray cookie = CsrfGuard::cookieToken(request);
    const QString application = v.client.name.isEmpty() ? v.client.clientId : v.client.name;
    HttpResponse response = HtmlPage::response(
        200, HtmlPage::render(u"authorize", QStringLiteral("Authorize %1").arg(application),
                              {{QStringLiteral("application"), application},
                               {QStringLiteral("csrf"), QString::fromLatin1(CsrfGuard::formToken(cookie))},
                               {QStringLiteral("hidden"), hiddenHtml},
                               {QStringLiteral("scopes"), scopesHtml},
                               {QStringLiteral("username"), user.username}}));
    CsrfGuard::setCookie(response, cookie, m_context.now(), request.secure);
    return response;
}

HttpResponse AuthorizationEndpoint::decide(const FormData& form, const UserRecord& user)
{
    // DOT's AllowForm requires these; the peer re-renders the form without them, we say what is missing.
    for (const char16_t* name : {u"client_id", u"redirect_uri", u"response_type", u"scope"}) {
        if (form.value(name).isEmpty()) {
            return fatalPage(QStringLiteral("invalid_request"),
                             QStringLiteral("Missing %1 parameter.").arg(QString::fromUtf16(name)));
        }
    }
    const Validated v = validate(form, false);
    if (v.outcome == Validated::Outcome::Fatal) {
        // The peer redirects a denial to whatever redirect_uri was posted; we check it first.
        return fatalPage(v.error, v.description);
    }
    if (!truthy(form.value(u"allow"))) {
        return errorRedirect(v.redirectUri, QStringLiteral("access_denied"), QString(), form.value(u"state"));
    }
    if (v.outcome == Validated::Outcome::Redirect) {
        return errorRedirect(v.redirectUri, v.error, v.description, v.state);
    }
    AuthorizationCodeRecord code;
    code.clientPk = v.client.id;
    code.userId = user.id;
    code.redirectUri = v.redirectUri;
    code.scope = v.scopes.join(u' ');
    code.codeChallenge = v.codeChallenge;
    code.codeChallengeMethod = v.codeChallenge.isEmpty() ? QString() : v.codeChallengeMethod;
    code.nonce = v.nonce;
    code.claims = v.claims;
    const QByteArray value = generateToken();
    if (m_context.store.codes().insert(tokenDigest(value), code, m_context.now()) == 0) {
        return errorRedirect(v.redirectUri, QStringLiteral("server_error"), QString(), v.state);
    }
    QList<std::pair<QString, QString>> params = {{QStringLiteral("code"), QString::fromLatin1(value)}};
    if (!v.state.isEmpty()) {
        params.append({QStringLiteral("state"), v.state});
    }
    return redirect(withParams(v.redirectUri, params));
}

} // namespace tb::server
