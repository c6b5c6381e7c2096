#include "server/http/FormData.h"

namespace tb::server {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

QString decodeComponent(QByteArrayView raw)
{
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%' && i + 2 < raw.size() && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
            bytes.append(char(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2])));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

FormData FormData::parse(QByteArrayView encoded)
{
    FormData form;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0) {
            end = encoded.size();
        }
        const QByteArrayView part = encoded.sliced(start, end - start);
        if (!part.isEmpty()) {
            const qsizetype eq = part.indexOf('=');
            if (eq < 0) {
                form.m_pairs.append({decodeComponent(part), QString()});
            } else {
                form.m_pairs.append({decodeComponent(part.first(eq)), decodeComponent(part.sliced(eq + 1))});
            }
        }
        start = end + 1;
    }
    return form;
}

FormData FormData::fromRequestBody(const HttpRequest& request)
{
    const QByteArray type = request.mediaType();
    if (type == "application/x-www-form-urlencoded") {
        return parse(request.body);
    }
    if (type != "multipart/form-data") {
        return {};
    }
    // RFC 7578: parts separated by "--boundary"; each has headers (Content-Disposition names it) and a value.
    QByteArray boundary;
    for (const QByteArray& param : request.header("content-type").split(';')) {
        const QByteArray trimmed = param.trimmed();
        if (trimmed.toLower().startsWith("boundary=")) {
            boundary = trimmed.mid(9);
            if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"')) {
                boundary = boundary.mid(1, boundary.size() - 2);
            }
        }
    }
    FormData form;
    if (boundary.isEmpty()) {
        return form;
    }
    const QByteArray delimiter = "--" + boundary;
    const QByteArray& body = request.body;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--") {
            break;
        }
        pos = body.indexOf("\r\n", pos);
        if (pos < 0) {
            break;
        }
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        const qsizetype next = body.indexOf("\r\n" + delimiter, pos);
        if (headEnd < 0 || next < 0 || headEnd > next) {
            break;
        }
        const QByteArray headers = body.mid(pos, headEnd - pos);
        const QByteArray value = body.mid(headEnd + 4, next - headEnd - 4);
        QByteArray name;
        bool isFile = false;
        for (const QByteArray& line : headers.split('\n')) {
            if (!line.toLower().startsWith("content-disposition:")) {
                continue;
            }
            for (const QByteArray& attribute : line.split(';')) {
                const QByteArray a = attribute.trimmed();
                if (a.startsWith("name=")) {
                    name = a.mid(5);
                    if (name.startsWith('"') && name.endsWith('"') && name.size() >= 2) {
                        name = name.mid(1, name.size() - 2);
                    }
                } else if (a.startsWith("filename=")) {
                    isFile = true;
                }
            }
        }
        if (!name.isEmpty() && !isFile) {
            form.m_pairs.append({QString::fromUtf8(name), QString::fromUtf8(value)});
        }
        pos = next + 2;
    }
    return form;
}

bool FormData::contains(QStringView name) const
{
    return count(name) > 0;
}

QString FormData::value(QStringView name) const
{
    for (auto it = m_pairs.crbegin(); it != m_pairs.crend(); ++it) {
        if (it->first == name) {
            return it->second;
        }
    }
    return {};
}

int FormData::count(QStringView name) const
{
    int n = 0;
    for (const auto& pair : m_pairs) {
        n += pair.first == name ? 1 : 0;
    }
    return n;
}

QByteArray FormData::encode(const QList<std::pair<QString, QString>>& pairs)
{
    QByteArray out;
    for (const auto& [name, value] : pairs) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(name.toUtf8().toPercentEncoding("-._~", " ").replace(' ', '+'));
        out.append('=');
        out.append(value.toUtf8().toPercentEncoding("-._~", " ").replace(' ', '+'));
    }
    return out;
}

} // namespace tb::server
