#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

namespace tb {

// One header line as sent or received, bytes as on the wire (names keep their case).
struct HttpHeader
{
    QByteArray name;
    QByteArray value;

    friend bool operator==(const HttpHeader&, const HttpHeader&) = default;
};

// The exact request handed to the network after variables and auth were applied.
struct SentRequest
{
    // Bodies up to this size are kept in `body`; larger ones (files) only report their size.
    static constexpr qint64 kMaxKeptBodyBytes = 1024 * 1024;

    QByteArray method;
    QUrl url; // with the query parameters (and an API key in the query) applied
    // In order. Repeated names were joined into one comma-separated line (RFC 9110 section 5.3), because Qt's
    // QNetworkRequest keeps one value per name; this list shows them joined, as they went out.
    QList<HttpHeader> headers;
    QByteArray body; // empty when bodySize > kMaxKeptBodyBytes
    qint64 bodySize = 0;

    friend bool operator==(const SentRequest&, const SentRequest&) = default;
};

// What came back (or why nothing did). A plain value: copies share the temporary body file, which is removed when
// the last copy goes away. To keep the body, copy or rename bodyFilePath before that.
struct ResponseRecord
{
    enum class ErrorKind
    {
        None,               // an HTTP response arrived (any status, 4xx and 5xx included)
        InvalidRequest,     // bad URL, method, header or proxy; nothing was sent
        UnresolvedVariable, // a {{variable}} has no value; nothing was sent
        File,               // a body file (--data @FILE, multipart file, binary) could not be read
        Auth,               // no credentials could be obtained (e.g. the token fetch failed); nothing was sent
        Connection,         // refused, host not found, network unreachable, reset before any response
        Tls,                // handshake failed or the certificate was not trusted
        Timeout,            // connect or total timeout
        Protocol,           // the server broke HTTP: closed mid-response, malformed reply
        TooManyRedirects,
        Proxy,
        Canceled,
        Other,
    };

    int status = 0;      // 0 when no response arrived
    QByteArray reason;   // e.g. "Not Found"
    QString httpVersion; // "1.1" or "2"
    QList<HttpHeader> headers;
    QByteArray body;      // the body when it was kept in memory
    QString bodyFilePath; // set instead of body when the body was streamed to a temporary file
    qint64 bodySize = 0;  // bytes of body received (after content decoding)
    qint64 headerSize = 0;
    QUrl finalUrl; // after redirects
    int redirectCount = 0;

    QDateTime sentAt;              // UTC
    double totalMs = 0;            // from sending until the last byte (or the error)
    double timeToFirstByteMs = -1; // until the response headers arrived; -1 when they never did

    SentRequest request;
    ErrorKind error = ErrorKind::None;
    QString errorMessage; // one line a user can act on; empty when error is None

    bool hasResponse() const { return error == ErrorKind::None; }
    bool bodyOnDisk() const { return !bodyFilePath.isEmpty(); }
    // The first value of a header, compared case-insensitively; empty when absent.
    QByteArray headerValue(QByteArrayView name) const;
    // The body from memory or from its file (up to maxBytes when >= 0).
    QByteArray readBody(qint64 maxBytes = -1) const;

    // Makes this record (and its copies) own bodyFilePath: the file is removed when the last copy is destroyed.
    void adoptBodyFile(const QString& path);

    // "none", "connection", "tls", ... for JSON output and logs.
    static QString errorKindName(ErrorKind kind);

    // Compares every field except the ownership of the body file.
    friend bool operator==(const ResponseRecord& a, const ResponseRecord& b);

private:
    struct FileRemover;
    std::shared_ptr<const FileRemover> m_bodyFileOwner;
};

} // namespace tb
