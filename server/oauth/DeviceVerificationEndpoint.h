#pragma once

#include "server/ServerContext.h"
#include "server/http/FormData.h"
#include "server/http/HttpConnection.h"
#include "server/oauth/BrowserSession.h"
#include "server/store/DeviceCodeStore.h"

namespace tb::server {

// GET|POST /o/device/, the verification page of RFC 8628 section 3.3, behind the same session login as
// /o/authorize/:
//
//   GET  /o/device/                     form asking for the user code (a GET form, so it lands below)
//   GET  /o/device/?user_code=BCDF-GHJK confirmation page: client, code, scopes; Deny / Authorize
//   POST user_code, csrfmiddlewaretoken, allow=Authorize -> approved; without allow -> denied
//
// Wrong codes count per user: 10 within 15 minutes lock code entry for that user for 15 minutes, so the user code
// space cannot be searched (RFC 8628 section 5.1).
class DeviceVerificationEndpoint
{
public:
    static constexpr int maxFailures = 10;
    static constexpr qint64 failureWindowSeconds = 15 * 60;

    explicit DeviceVerificationEndpoint(ServerContext& context) : m_context(context), m_session(context) {}

    void handle(const HttpRequest& request, Responder respond);

private:
    struct Lookup
    {
        std::optional<DeviceCodeRecord> code;
        ClientRecord client;
        QString error; // why the code was not accepted
    };
    Lookup lookup(const QString& input, const UserRecord& user);
    HttpResponse entryPage(const UserRecord& user, const QString& userCode, const QString& error);
    HttpResponse confirmPage(const HttpRequest& request, const UserRecord& user, const Lookup& found,
                             const QString& userCode);

    ServerContext& m_context;
    BrowserSession m_session;
};

} // namespace tb::server
