#include "server/oauth/DeviceVerificationEndpoint.h"

#include "server/crypto/TokenCrypto.h"
#include "server/http/CsrfGuard.h"
#include "server/http/HtmlPage.h"
#include "server/oauth/AuthorizationEndpoint.h"
#include "server/oauth/UserCode.h"

namespace tb::server {

namespace {

const QByteArray kAllow = QByteArrayLiteral("GET, POST, HEAD, OPTIONS");

QString failureKey(const UserRecord& user)
{
    // ':' cannot occur in a Django username, so this never counts against a password login.
    return QStringLiteral("device-code:") + user.username;
}

HttpResponse messagePage(const QString& heading, const QString& message)
{
    return HtmlPage::response(
        200, HtmlPage::render(u"message", heading,
                              {{QStringLiteral("heading"), heading}, {QStringLiteral("message"), message}}));
}

} // namespace

void DeviceVerificationEndpoint::handle(const HttpRequest& request, Responder respond)
{
    const bool post = request.method == "POST";
    if (request.method == "OPTIONS" || (!post && request.method != "GET" && request.method != "HEAD")) {
        HttpResponse response = HttpResponse::emptyHtml(request.method == "OPTIONS" ? 200 : 405);
        response.setHeader("Allow", kAllow);
        respond(std::move(response));
        return;
    }
    const FormData form = post ? FormData::fromRequestBody(request) : FormData::parse(request.query);
    const std::optional<UserRecord> user = m_session.signedInUser(request, form, respond);
    if (!user) {
        return;
    }
    if (!form.contains(u"user_code")) {
        respond(entryPage(*user, QString(), QString()));
        return;
    }
    const QString userCode = form.value(u"user_code").trimmed();
    const Lookup found = lookup(userCode, *user);
    if (!found.code) {
        respond(entryPage(*user, userCode, found.error));
        return;
    }
    if (!post) {
        respond(confirmPage(request, *user, found, userCode));
        return;
    }
    const bool approve = !form.value(u"allow").isEmpty();
    if (!m_context.store.deviceCodes().decide(found.code->id, approve, user->id)) {
        respond(entryPage(*user, userCode, QStringLiteral("This code has already been used.")));
        return;
    }
    respond(approve ? messagePage(QStringLiteral("Device authorized"),
                                  QStringLiteral("%1 is now connected. You can return to your device.")
                                      .arg(found.client.name.isEmpty() ? found.client.clientId : found.client.name))
                    : messagePage(QStringLiteral("Access denied"),
                                  QStringLiteral("The device was not given access. You can close this page.")));
}

DeviceVerificationEndpoint::Lookup DeviceVerificationEndpoint::lookup(const QString& input, const UserRecord& user)
{
    Lookup result;
    const qint64 now = m_context.now();
    LoginFailureStore& failures = m_context.store.loginFailures();
    if (failures.countSince(failureKey(user), now - failureWindowSeconds) >= maxFailures) {
        result.error = QStringLiteral("Too many wrong codes. Try again in 15 minutes.");
        return result;
    }
    const QByteArray canonical = UserCode::normalize(input);
    std::optional<DeviceCodeRecord> code;
    if (!canonical.isEmpty()) {
        code = m_context.store.deviceCodes().byUserCodeDigest(tokenDigest(canonical));
    }
    if (!code || code->expires <= now || code->status != DeviceCodeRecord::Status::Pending) {
        failures.record(failureKey(user), now);
        result.error =
            QStringLiteral("That code is not valid or has expired. Check the code on your device and try again.");
        return result;
    }
    const std::optional<ClientRecord> client = m_context.store.clients().byId(code->clientPk);
    if (!client) {
        result.error = QStringLiteral("The application of this code no longer exists.");
        return result;
    }
    result.code = code;
    result.client = *client;
    return result;
}

HttpResponse DeviceVerificationEndpoint::entryPage(const UserRecord& user, const QString& userCode,
                                                   const QString& error)
{
    return HtmlPage::response(200, HtmlPage::render(u"device_entry", QStringLiteral("Connect a device"),
                                                    {{QStringLiteral("user_code"), userCode},
                                                     {QStringLiteral("username"), user.username},
                                                     {QStringLiteral("errors"), HtmlPage::errorNote(error)}}));
}

HttpResponse DeviceVerificationEndpoint::confirmPage(const HttpRequest& request, const UserRecord& user,
                                                     const Lookup& found, const QString& userCode)
{
    QString scopesHtml;
    for (const QString& scope : found.code->scope.split(u' ', Qt::SkipEmptyParts)) {
        scopesHtml += HtmlPage::listItem(AuthorizationEndpoint::scopeDescription(scope));
    }
    const QString application = found.client.name.isEmpty() ? found.client.clientId : found.client.name;
    const QByteArray cookie = CsrfGuard::cookieToken(request);
    HttpResponse response = HtmlPage::response(
        200, HtmlPage::render(u"device_confirm", QStringLiteral("Authorize %1").arg(application),
                              {{QStringLiteral("application"), application},
                               {QStringLiteral("user_code"), UserCode::display(UserCode::normalize(userCode))},
                               {QStringLiteral("scopes"), scopesHtml},
                               {QStringLiteral("username"), user.username},
                               {QStringLiteral("csrf"), QString::fromLatin1(CsrfGuard::formToken(cookie))}}));
    CsrfGuard::setCookie(response, cookie, m_context.now(), request.secure);
    return response;
}

} // namespace tb::server
