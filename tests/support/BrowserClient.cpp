#include "support/BrowserClient.h"

#include <QRegularExpression>

namespace tb::test {

namespace {

QString unescapeHtml(QString text)
{
    const QList<std::pair<QString, QString>> entities = {{QStringLiteral("&quot;"), QStringLiteral("\"")},
                                                         {QStringLiteral("&#x27;"), QStringLiteral("'")},
                                                         {QStringLiteral("&lt;"), QStringLiteral("<")},
                                                         {QStringLiteral("&gt;"), QStringLiteral(">")},
                                                         {QStringLiteral("&amp;"), QStringLiteral("&")}};
    for (const auto& [entity, character] : entities) {
        text.replace(entity, character);
    }
    return text;
}

QString attribute(const QString& tag, const QString& name)
{
    const QRegularExpression re(QStringLiteral("\\s%1=\"([^\"]*)\"").arg(name));
    const QRegularExpressionMatch match = re.match(tag);
    return match.hasMatch() ? unescapeHtml(match.captured(1)) : QString();
}

QStringList inputTags(const QByteArray& html)
{
    static const QRegularExpression re(QStringLiteral("<input\\b[^>]*>"));
    QStringList tags;
    auto it = re.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        tags.append(it.next().captured(0));
    }
    return tags;
}

} // namespace

HttpTestClient::Response BrowserClient::send(const QByteArray& method, const QByteArray& target,
                                             QList<QByteArray> headers, const QByteArray& body)
{
    if (!m_cookies.isEmpty()) {
        QByteArray line = "Cookie: ";
        for (auto it = m_cookies.cbegin(); it != m_cookies.cend(); ++it) {
            line += (line.size() > 8 ? "; " : "") + it.key() + '=' + it.value();
        }
        headers.append(line);
    }
    HttpTestClient::Response response = HttpTestClient::fetch(m_port, method, target, headers, body);
    for (const auto& [name, value] : response.headers) {
        if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0) {
            const QByteArray pair = value.left(value.indexOf(';'));
            const qsizetype eq = pair.indexOf('=');
            m_cookies.insert(pair.left(eq), pair.mid(eq + 1));
        }
    }
    return response;
}

HttpTestClient::Response BrowserClient::get(const QByteArray& target, const QList<QByteArray>& headers)
{
    return send("GET", target, headers, {});
}

HttpTestClient::Response BrowserClient::post(const QByteArray& target, const Fields& fields,
                                             const QList<QByteArray>& headers)
{
    return send("POST", target, QList<QByteArray>{"Content-Type: application/x-www-form-urlencoded"} + headers,
                HttpTestClient::formEncode(fields));
}

HttpTestClient::Response BrowserClient::logIn(const QString& username, const QString& password, const QString& next)
{
    const HttpTestClient::Response page = get("/accounts/login/");
    return post("/accounts/login/",
                {{QStringLiteral("csrfmiddlewaretoken"), inputValue(page.body, QStringLiteral("csrfmiddlewaretoken"))},
                 {QStringLiteral("username"), username},
                 {QStringLiteral("password"), password},
                 {QStringLiteral("next"), next}});
}

HttpTestClient::Response BrowserClient::answerForm(const QByteArray& target, const QByteArray& action, bool allow)
{
    const HttpTestClient::Response page = get(target);
    if (page.status != 200 || !page.body.contains("name=\"allow\"")) {
        return page;
    }
    Fields fields = hiddenInputs(page.body);
    if (allow) {
        fields.append({QStringLiteral("allow"), QStringLiteral("Authorize")});
    }
    return post(action, fields);
}

QString BrowserClient::inputValue(const QByteArray& html, const QString& name)
{
    for (const QString& tag : inputTags(html)) {
        if (attribute(tag, QStringLiteral("name")) == name) {
            const QString value = attribute(tag, QStringLiteral("value"));
            return value.isNull() ? QStringLiteral("") : value;
        }
    }
    return {};
}

BrowserClient::Fields BrowserClient::hiddenInputs(const QByteArray& html)
{
    Fields fields;
    for (const QString& tag : inputTags(html)) {
        if (attribute(tag, QStringLiteral("type")) == u"hidden") {
            const QString value = attribute(tag, QStringLiteral("value"));
            fields.append({attribute(tag, QStringLiteral("name")), value.isNull() ? QStringLiteral("") : value});
        }
    }
    return fields;
}

QByteArray BrowserClient::setCookieLine(const HttpTestClient::Response& response, const QByteArray& name)
{
    for (const auto& [header, value] : response.headers) {
        if (header.compare("Set-Cookie", Qt::CaseInsensitive) == 0 && value.startsWith(name + '=')) {
            return value;
        }
    }
    return {};
}

} // namespace tb::test
