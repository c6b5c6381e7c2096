#pragma once

#include "http/RequestSpec.h"
#include "http/ResponseRecord.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace tb {

// Masks secrets before anything is logged, stored in history or exported.
//
// Sensitive by name: the headers Authorization, Proxy-Authorization, Cookie and Set-Cookie, and any header, query
// parameter, form or JSON field whose name contains "token", "secret", "password", "passwd" or "api-key"/"api_key"/
// "apikey" (case-insensitive). Sensitive by value: any value added with addSecret(), wherever it appears (a token
// pasted into a URL path is masked too).
//
// What stays readable: the Authorization scheme ("Bearer [REDACTED]"), cookie names and Set-Cookie attributes,
// the shape of JSON and form bodies.
class Redactor
{
public:
    static constexpr QStringView kMask = u"[REDACTED]";

    static bool isSensitiveName(QStringView name);

    // Values to mask wherever they appear (shorter than 4 characters are ignored, they would mask too much).
    void addSecret(const QString& value);
    // The credentials a request carried (sensitive headers, the token after an auth scheme, cookie values,
    // sensitive query parameters), so that a server echoing them back, in a body say, is masked as well.
    void addSecretsOf(const SentRequest& request);

    QByteArray redactHeaderValue(QByteArrayView name, const QByteArray& value) const;
    QList<HttpHeader> redactHeaders(const QList<HttpHeader>& headers) const;
    // Header, query or form rows as the user wrote them.
    QList<KeyValueRow> redactRows(const QList<KeyValueRow>& rows) const;
    // application/x-www-form-urlencoded bytes.
    QByteArray redactFormBody(const QByteArray& body) const;
    // A JSON document; values of sensitive keys at any depth are replaced by the mask. Text that is not JSON only
    // gets its known secrets masked.
    QByteArray redactJsonBody(const QByteArray& body) const;
    // Any body: chooses JSON or form redaction from the content type, else masks only known secrets.
    QByteArray redactBody(const QByteArray& body, QByteArrayView contentType) const;
    // Masks the password of the user info and sensitive query parameters.
    QUrl redactUrl(const QUrl& url) const;
    QString redactText(const QString& text) const; // known secrets only (log lines, error messages)

    SentRequest redact(const SentRequest& request) const;
    // Headers, the in-memory body and the request sent. A body on disk is left alone (it is not persisted).
    ResponseRecord redact(const ResponseRecord& record) const;
    // A request as written (for exports and history): header, param and form rows, the raw body, auth fields.
    RequestSpec redact(const RequestSpec& request) const;

private:
    QByteArray maskSecrets(QByteArray bytes) const;

    QList<QByteArray> m_secrets;
};

} // namespace tb
