#pragma once

#include "server/http/HttpResponse.h"

#include <QList>
#include <QString>

#include <utility>

namespace tb::server {

// The server's HTML pages (login, consent, device verification, errors): templates compiled into the server
// library from resources/server/templates/, placed into page.html. In a template, {{name}} is replaced by the
// HTML-escaped value and {{{name}}} by the value as is (fragments built with the helpers below); unknown
// names become empty.
namespace HtmlPage {

using Variables = QList<std::pair<QString, QString>>;

// The template's content inside the layout, titled 'title'.
QByteArray render(QStringView templateName, const QString& title, const Variables& variables);
// A text/html; charset=utf-8 answer that no cache keeps (the pages carry CSRF tokens and personal data).
HttpResponse response(int status, const QByteArray& body);

QString escape(const QString& text);
// Ready-made fragments: an error paragraph announced to screen readers, a list item, a hidden input.
QString errorNote(const QString& text);
QString listItem(const QString& text);
QString hiddenInput(const QString& name, const QString& value);

} // namespace HtmlPage

} // namespace tb::server
