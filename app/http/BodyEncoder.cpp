#include "http/BodyEncoder.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QUrl>

namespace tb {

namespace {

BodyDevice::Segment bytesSegment(const QByteArray& bytes)
{
    return {bytes, {}, bytes.size()};
}

QByteArray quotedFieldValue(const QString& text)
{
    QByteArray out = text.toUtf8();
    out.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    return out;
}

EncodedBody fileError(const QString& path, const QString& what)
{
    EncodedBody body;
    body.error =
        QStringLiteral("cannot read %1 '%2': %3")
            .arg(what, path,
                 QFileInfo::exists(path) ? QStringLiteral("not a readable file") : QStringLiteral("no such file"));
    return body;
}

bool readableFile(const QFileInfo& info)
{
    return info.exists() && info.isFile() && info.isReadable();
}

EncodedBody encodeMultipart(const QList<MultipartRow>& parts, const QByteArray& boundary)
{
    EncodedBody body;
    body.contentType = "multipart/form-data; boundary=" + boundary;
    QByteArray pending; // bytes not yet added as a segment
    for (const MultipartRow& part : parts) {
        if (!part.enabled) {
            continue;
        }
        pending += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quotedFieldValue(part.name) + '"';
        if (part.kind == MultipartRow::Kind::Text) {
            pending += "\r\n";
            if (!part.contentType.isEmpty()) {
                pending += "Content-Type: " + part.contentType.toUtf8() + "\r\n";
            }
            pending += "\r\n" + part.value.toUtf8() + "\r\n";
            continue;
        }
        const QFileInfo info(part.value);
        if (!readableFile(info)) {
            return fileError(part.value, QStringLiteral("file for multipart field '%1'").arg(part.name));
        }
        const QByteArray type =
            part.contentType.isEmpty() ? QByteArray("application/octet-stream") : part.contentType.toUtf8();
        pending += "; filename=\"" + quotedFieldValue(info.fileName()) + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        body.segments << bytesSegment(pending) << BodyDevice::Segment{{}, info.absoluteFilePath(), info.size()};
        pending = "\r\n";
    }
    pending += "--" + boundary + "--\r\n";
    body.segments << bytesSegment(pending);
    for (const auto& s : body.segments) {
        body.size += s.size;
    }
    return body;
}

} // namespace

std::unique_ptr<BodyDevice> EncodedBody::openDevice() const
{
    auto device = std::make_unique<BodyDevice>(segments);
    device->open(QIODevice::ReadOnly);
    return device;
}

QByteArray EncodedBody::toByteArray(qint64 maxBytes) const
{
    if (size > maxBytes) {
        return {};
    }
    auto device = openDevice();
    return device->readAll();
}

QByteArray BodyEncoder::formUrlEncodeComponent(const QString& text)
{
    // toPercentEncoding keeps "-._~" unreserved; WHATWG keeps "*" instead of "~" and writes space as "+".
    QByteArray out = QUrl::toPercentEncoding(text, "* ", "~");
    out.replace(' ', '+');
    return out;
}

QByteArray BodyEncoder::formUrlEncode(const QList<KeyValueRow>& rows)
{
    QByteArray out;
    for (const KeyValueRow& row : rows) {
        if (!row.enabled) {
            continue;
        }
        if (!out.isEmpty()) {
            out += '&';
        }
        out += formUrlEncodeComponent(row.name) + '=' + formUrlEncodeComponent(row.value);
    }
    return out;
}

QByteArray BodyEncoder::randomBoundary()
{
    // 24 random bytes in hex: collisions with content are checked anyway for text parts.
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return "tokenbench-" + bytes.toHex();
}

EncodedBody BodyEncoder::encode(const RequestBody& body)
{
    QByteArray boundary = randomBoundary();
    if (body.kind == RequestBody::Kind::Multipart) {
        // A file could contain it too, but 192 random bits make that a non-event; text parts are cheap to check.
        for (const MultipartRow& part : body.parts) {
            while (part.kind == MultipartRow::Kind::Text && part.value.toUtf8().contains(boundary)) {
                boundary = randomBoundary();
            }
        }
    }
    return encode(body, boundary);
}

EncodedBody BodyEncoder::encode(const RequestBody& body, const QByteArray& boundary)
{
    EncodedBody out;
    switch (body.kind) {
    case RequestBody::Kind::None:
        return out;
    case RequestBody::Kind::Raw:
        out.contentType = body.contentType.toUtf8();
        out.segments << bytesSegment(body.text.toUtf8());
        break;
    case RequestBody::Kind::UrlEncoded:
        out.contentType = "application/x-www-form-urlencoded";
        out.segments << bytesSegment(formUrlEncode(body.formRows));
        break;
    case RequestBody::Kind::Multipart:
        return encodeMultipart(body.parts, boundary);
    case RequestBody::Kind::Binary: {
        const QFileInfo info(body.filePath);
        if (!readableFile(info)) {
            return fileError(body.filePath, QStringLiteral("body file"));
        }
        out.contentType =
            body.contentType.isEmpty() ? QByteArray("application/octet-stream") : body.contentType.toUtf8();
        out.segments << BodyDevice::Segment{{}, info.absoluteFilePath(), info.size()};
        break;
    }
    }
    for (const auto& s : out.segments) {
        out.size += s.size;
    }
    return out;
}

} // namespace tb
