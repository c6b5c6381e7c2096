#pragma once

#include "support/HttpTestClient.h"

#include <QMap>
#include <QString>

namespace tb::test {

// Plays a browser against the bundled server's HTML flows: one fresh connection per request (HttpTestClient),
// a cookie jar fed by Set-Cookie and sent back as Cookie, and small helpers to read form fields out of the
// pages. Redirects are not followed, so tests see every Location.
class BrowserClient
{
public:
    using Fields = QList<std::pair<QString, QString>>;

    explicit BrowserClient(quint16 port) : m_port(port) {}

    HttpTestClient::Response get(const QByteArray& target, const QList<QByteArray>& headers = {});
    HttpTestClient::Response post(const QByteArray& target, const Fields& fields,
                                  const QList<QByteArray>& headers = {});
    // Logs in through /accounts/login/ (GET for the CSRF cookie and token, then POST); returns the POST's answer.
    HttpTestClient::Response logIn(const QString& username, const QString& password, const QString& next = {});

    // GETs a page with a decision form (the authorization consent, the device confirmation) and posts its hidden
    // fields back to `action`, with allow=Authorize when `allow` (else as the Cancel button does). Returns the POST's
    // answer, or the page itself when it has no such form (it says why).
    HttpTestClient::Response answerForm(const QByteArray& target, const QByteArray& action, bool allow);
    QByteArray cookie(const QByteArray& name) const { return m_cookies.value(name); }
    void setCookie(const QByteArray& name, const QByteArray& value) { m_cookies.insert(name, value); }
    void removeCookie(const QByteArray& name) { m_cookies.remove(name); }

    // The value attribute of the <input> named 'name' in 'html' (HTML entities decoded), or a null QString.
    static QString inputValue(const QByteArray& html, const QString& name);
    // Every <input type="hidden"> of the page as name/value pairs, in page order.
    static Fields hiddenInputs(const QByteArray& html);
    // The Set-Cookie line of that cookie in a response.
    static QByteArray setCookieLine(const HttpTestClient::Response& response, const QByteArray& name);

private:
    HttpTestClient::Response send(const QByteArray& method, const QByteArray& target, QList<QByteArray> headers,
                                  const QByteArray& body);

    quint16 m_port;
    QMap<QByteArray, QByteArray> m_cookies;
};

} // namespace tb::test
