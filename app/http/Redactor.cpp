#include "http/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace tb {

namespace {

const QByteArray kMaskBytes = QByteArrayLiteral("[REDACTED]");

bool equalsIgnoringCase(QByteArrayView a, const char* b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

QJsonValue redactJsonValue(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Redactor::isSensitiveName(it.key()) && !it.value().isNull()) {
                it.value() = Redactor::kMask.toString();
            } else {
                it.value() = redactJsonValue(it.value());
            }
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it) {
            *it = redactJsonValue(*it);
        }
        return array;
    }
    return value;
}

// "a=1; b=2" -> "a=[REDACTED]; b=[REDACTED]"; with keepAttributes only the first pair (Set-Cookie's cookie) is
// masked and the attributes (Path, Expires, ...) stay readable.
QByteArray redactCookiePairs(const QByteArray& value, bool keepAttributes)
{
    QList<QByteArray> pairs = value.split(';');
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (keepAttributes && i > 0) {
            break;
        }
        const qsizetype eq = pairs[i].indexOf('=');
        pairs[i] = eq < 0 ? kMaskBytes : pairs[i].left(eq + 1) + kMaskBytes;
    }
    return pairs.join(';');
}

// True when a value as written holds no secret itself, only {{references}} (after an optional auth scheme such as
// "Bearer "): masking it would only lose the reference.
bool holdsOnlyReferences(const QString& value)
{
    QString rest = value;
    rest.remove(QRegularExpression(QStringLiteral("\\{\\{[^}]*\\}\\}")));
    rest = rest.trimmed();
    return rest.size() < value.trimmed().size() && !rest.contains(u' ') &&
           (rest.isEmpty() || value.trimmed().startsWith(rest + u' '));
}

} // namespace

bool Redactor::isSensitiveName(QStringView name)
{
    static constexpr QStringView needles[] = {u"token",  u"secret",  u"password", u"passwd",
                                              u"apikey", u"api-key", u"api_key"};
    for (QStringView needle : needles) {
        if (name.contains(needle, Qt::CaseInsensitive)) {
            return true;
        }
    }
    for (QStringView header : {u"authorization", u"proxy-authorization", u"cookie", u"set-cookie"}) {
        if (name.compare(header, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

void Redactor::addSecret(const QString& value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.size() >= 4 && !m_secrets.contains(bytes)) {
        // Longest first, so a secret that contains another is masked whole.
        const auto at = std::find_if(m_secrets.begin(), m_secrets.end(),
                                     [&](const QByteArray& s) { return s.size() < bytes.size(); });
        m_secrets.insert(at, bytes);
    }
}

void Redactor::addSecretsOf(const SentRequest& request)
{
    for (const HttpHeader& header : request.headers) {
        const QString name = QString::fromLatin1(header.name);
        if (!isSensitiveName(name))
            continue;
        const QString value = QString::fromLatin1(header.value).trimmed();
        if (name.compare(u"Cookie", Qt::CaseInsensitive) == 0) {
            for (const QString& cookie : value.split(u';', Qt::SkipEmptyParts))
                addSecret(cookie.section(u'=', 1).trimmed());
            continue;
        }
        addSecret(value);
        // "Bearer abc", "Basic abc=": the credential alone is what an echo repeats.
        if (const qsizetype space = value.indexOf(u' '); space > 0)
            addSecret(value.mid(space + 1).trimmed());
    }
    for (const auto& [key, value] : QUrlQuery(request.url).queryItems(QUrl::FullyDecoded))
        if (isSensitiveName(key))
            addSecret(value);
}

QByteArray Redactor::maskSecrets(QByteArray bytes) const
{
    for (const QByteArray& secret : m_secrets) {
        bytes.replace(secret, kMaskBytes);
        const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(secret));
        if (encoded != secret) {
            bytes.replace(encoded, kMaskBytes);
        }
    }
    return bytes;
}

QByteArray Redactor::redactHeaderValue(QByteArrayView name, const QByteArray& value) const
{
    if (equalsIgnoringCase(name, "authorization") || equalsIgnoringCase(name, "proxy-authorization")) {
        const qsizetype space = value.indexOf(' ');
        return space > 0 ? value.left(space + 1) + kMaskBytes : kMaskBytes;
    }
    if (equalsIgnoringCase(name, "cookie")) {
        return redactCookiePairs(value, false);
    }
    if (equalsIgnoringCase(name, "set-cookie")) {
        return redactCookiePairs(value, true);
    }
    if (isSensitiveName(QString::fromLatin1(name))) {
        return kMaskBytes;
    }
    return maskSecrets(value);
}

QList<HttpHeader> Redactor::redactHeaders(const QList<HttpHeader>& headers) const
{
    QList<HttpHeader> out = headers;
    for (HttpHeader& h : out) {
        h.value = redactHeaderValue(h.name, h.value);
    }
    return out;
}

QList<KeyValueRow> Redactor::redactRows(const QList<KeyValueRow>& rows) const
{
    QList<KeyValueRow> out = rows;
    for (KeyValueRow& row : out) {
        if (holdsOnlyReferences(row.value)) {
            continue;
        }
        row.value = QString::fromUtf8(redactHeaderValue(row.name.toUtf8(), row.value.toUtf8()));
    }
    return out;
}

QByteArray Redactor::redactFormBody(const QByteArray& body) const
{
    QList<QByteArray> pairs = body.split('&');
    for (QByteArray& pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0) {
            continue;
        }
        const QByteArray name = QByteArray::fromPercentEncoding(QByteArray(pair.left(eq)).replace('+', ' '));
        if (isSensitiveName(QString::fromUtf8(name))) {
            pair = pair.left(eq + 1) + kMaskBytes;
        }
    }
    return maskSecrets(pairs.join('&'));
}

QByteArray Redactor::redactJsonBody(const QByteArray& body) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return maskSecrets(body);
    }
    const QJsonValue redacted = redactJsonValue(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    const QJsonDocument out =
        redacted.isObject() ? QJsonDocument(redacted.toObject()) : QJsonDocument(redacted.toArray());
    return maskSecrets(out.toJson(QJsonDocument::Compact));
}

QByteArray Redactor::redactBody(const QByteArray& body, QByteArrayView contentType) const
{
    const QByteArray type = contentType.toByteArray().toLower();
    if (type.contains("json")) {
        return redactJsonBody(body);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
        return redactFormBody(body);
    }
    return maskSecrets(body);
}

QUrl Redactor::redactUrl(const QUrl& url) const
{
    QUrl out = url;
    if (!out.password().isEmpty()) {
        out.setPassword(kMask.toString());
    }
    if (out.hasQuery()) {
        const QByteArray query = out.query(QUrl::FullyEncoded).toLatin1();
        out.setQuery(QString::fromLatin1(redactFormBody(query)), QUrl::StrictMode);
    }
    const QByteArray masked = maskSecrets(out.toEncoded());
    return QUrl::fromEncoded(masked);
}

QString Redactor::redactText(const QString& text) const
{
    return QString::fromUtf8(maskSecrets(text.toUtf8()));
}

SentRequest Redactor::redact(const SentRequest& request) const
{
    SentRequest out = request;
    out.url = redactUrl(request.url);
    out.headers = redactHeaders(request.headers);
    QByteArray contentType;
    for (const HttpHeader& h : request.headers) {
        if (equalsIgnoringCase(h.name, "content-type")) {
            contentType = h.value;
        }
    }
    out.body = redactBody(request.body, contentType);
    return out;
}

ResponseRecord Redactor::redact(const ResponseRecord& record) const
{
    ResponseRecord out = record;
    out.headers = redactHeaders(record.headers);
    out.body = redactBody(record.body, record.headerValue("content-type"));
    out.finalUrl = redactUrl(record.finalUrl);
    out.request = redact(record.request);
    out.errorMessage = redactText(record.errorMessage);
    return out;
}

RequestSpec Redactor::redact(const RequestSpec& request) const
{
    RequestSpec out = request;
    out.url = QString::fromUtf8(maskSecrets(request.url.toUtf8()));
    out.queryParams = redactRows(request.queryParams);
    out.headers = redactRows(request.headers);
    out.body.formRows = redactRows(request.body.formRows);
    for (MultipartRow& part : out.body.parts) {
        if (part.kind == MultipartRow::Kind::Text) {
            part.value = QString::fromUtf8(redactHeaderValue(part.name.toUtf8(), part.value.toUtf8()));
        }
    }
    out.body.text = QString::fromUtf8(redactBody(request.body.text.toUtf8(), request.body.contentType.toUtf8()));
    const auto mask = [&](QString& value) {
        // A {{reference}} is not a secret, and keeping it keeps the request usable after an export.
        if (!value.isEmpty() && !holdsOnlyReferences(value)) {
            value = kMask.toString();
        }
    };
    mask(out.auth.token);
    mask(out.auth.password);
    mask(out.auth.apiKeyValue);
    return out;
}

} // namespace tb
