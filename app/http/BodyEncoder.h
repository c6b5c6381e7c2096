#pragma once

#include "http/BodyDevice.h"
#include "http/RequestSpec.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace tb {

// A body ready to send: its Content-Type and its bytes as pieces (files stay on disk until sent).
struct EncodedBody
{
    QByteArray contentType; // empty for Kind::None (and for Raw without a content type)
    QList<BodyDevice::Segment> segments;
    qint64 size = 0;
    QString error; // set when a file could not be read; then nothing must be sent

    bool ok() const { return error.isEmpty(); }
    bool isEmpty() const { return size == 0 && segments.isEmpty(); }
    // A device streaming the body (owned by the caller).
    std::unique_ptr<BodyDevice> openDevice() const;
    // The bytes, reading files; only for bodies up to maxBytes (returns empty otherwise).
    QByteArray toByteArray(qint64 maxBytes) const;
};

// Turns a resolved RequestBody into bytes.
//   x-www-form-urlencoded: the WHATWG application/x-www-form-urlencoded serializer: UTF-8, space -> "+",
//     ASCII alphanumerics and "*-._" kept, everything else (including "+", "&", "=") percent-encoded.
//   multipart/form-data (RFC 7578): CRLF line ends, a random boundary checked not to occur in the text parts,
//     field names and file names with '"' and CR/LF percent-encoded as browsers do.
class BodyEncoder
{
public:
    static EncodedBody encode(const RequestBody& body);
    // For tests: a fixed boundary instead of a random one.
    static EncodedBody encode(const RequestBody& body, const QByteArray& boundary);

    static QByteArray formUrlEncode(const QList<KeyValueRow>& rows); // enabled rows only
    static QByteArray formUrlEncodeComponent(const QString& text);
    static QByteArray randomBoundary();
};

} // namespace tb
