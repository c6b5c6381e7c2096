#include "server/http/HtmlPage.h"

#include <QFile>

namespace tb::server::HtmlPage {

namespace {

QString loadTemplate(QStringView name)
{
    QFile file(QStringLiteral(":/tokenbench-server/server/templates/%1.html").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("tokenbench-server: missing HTML template %s", qPrintable(name.toString()));
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QString lookup(const Variables& variables, QStringView name)
{
    for (const auto& [key, value] : variables) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

QString substitute(const QString& text, const Variables& variables)
{
    QString out;
    out.reserve(text.size() * 2);
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"{{", pos);
        if (open < 0) {
            break;
        }
        const bool raw = text.mid(open, 3) == u"{{{";
        const QString closeMark = raw ? QStringLiteral("}}}") : QStringLiteral("}}");
        const qsizetype nameStart = open + (raw ? 3 : 2);
        const qsizetype close = text.indexOf(closeMark, nameStart);
        if (close < 0) {
            break;
        }
        out += QStringView(text).sliced(pos, open - pos);
        const QString value = lookup(variables, QStringView(text).sliced(nameStart, close - nameStart).trimmed());
        out += raw ? value : escape(value);
        pos = close + closeMark.size();
    }
    out += QStringView(text).sliced(pos);
    return out;
}

} // namespace

QByteArray render(QStringView templateName, const QString& title, const Variables& variables)
{
    const QString content = substitute(loadTemplate(templateName), variables);
    return substitute(loadTemplate(u"page"), {{QStringLiteral("title"), title}, {QStringLiteral("content"), content}})
        .toUtf8();
}

HttpResponse response(int status, const QByteArray& body)
{
    HttpResponse result;
    result.status = status;
    result.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    result.headers.append({QByteArrayLiteral("Cache-Control"),
                           QByteArrayLiteral("max-age=0, no-cache, no-store, must-revalidate, private")});
    result.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Cookie")});
    result.body = body;
    return result;
}

// Django's escape(): & < > " ' as entities.
QString escape(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += u"&quot;";
            break;
        case u'\'':
            out += u"&#x27;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString errorNote(const QString& text)
{
    return text.isEmpty() ? QString() : QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>").arg(escape(text));
}

QString listItem(const QString& text)
{
    return QStringLiteral("<li>%1</li>").arg(escape(text));
}

QString hiddenInput(const QString& name, const QString& value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\" id=\"id_%1\">\n")
        .arg(escape(name), escape(value));
}

} // namespace tb::server::HtmlPage
