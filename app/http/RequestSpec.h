#pragma once

#include "http/AuthSpec.h"

#include <QList>
#include <QString>

#include <optional>

namespace tb {

// One row of a table the user edits: a query parameter, a header, a form field. Rows keep their order, a name may
// repeat, and a disabled row is kept (so the UI can show it) but never sent. Name and value may hold {{variables}}.
struct KeyValueRow
{
    QString name;
    QString value;
    bool enabled = true;

    friend bool operator==(const KeyValueRow&, const KeyValueRow&) = default;
};

// One part of a multipart/form-data body: a text field, or a file read when the request is sent.
struct MultipartRow
{
    enum class Kind
    {
        Text,
        File
    };

    Kind kind = Kind::Text;
    QString name;
    QString value;       // Text: the field's value. File: the file's path.
    QString contentType; // optional; File parts default to application/octet-stream, Text parts send none
    bool enabled = true;

    friend bool operator==(const MultipartRow&, const MultipartRow&) = default;
};

struct RequestBody
{
    enum class Kind
    {
        None,
        Raw,        // text (JSON, XML, ...) sent as UTF-8 with contentType
        UrlEncoded, // application/x-www-form-urlencoded from formRows
        Multipart,  // multipart/form-data from parts
        Binary,     // the bytes of filePath, with contentType (default application/octet-stream)
    };

    Kind kind = Kind::None;
    QString text;        // Raw
    QString contentType; // Raw and Binary; an explicit Content-Type header row wins over it
    QList<KeyValueRow> formRows;
    QList<MultipartRow> parts;
    QString filePath; // Binary

    friend bool operator==(const RequestBody&, const RequestBody&) = default;

    // none, raw, urlencoded, multipart, binary
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);
};

struct ProxySpec
{
    enum class Mode
    {
        System,
        None,
        Explicit
    };

    Mode mode = Mode::System;
    QString url; // Explicit: http://[user:password@]host:port or socks5://...

    friend bool operator==(const ProxySpec&, const ProxySpec&) = default;
};

struct RequestOptions
{
    int connectTimeoutMs = 10'000; // from sending until the first response byte; 0 = none
    int totalTimeoutMs = 0;        // from sending until the last body byte; 0 = none
    int maxRedirects = 10;         // redirects followed; 0 = none followed (the 3xx is the response)
    bool ignoreTlsErrors = false;  // an explicit per-request choice, never a default
    ProxySpec proxy;

    friend bool operator==(const RequestOptions&, const RequestOptions&) = default;
};

// A request as the user wrote it, before variables and auth are applied.
struct RequestSpec
{
    QString method = QStringLiteral("GET"); // any RFC 9110 token, custom verbs too
    QString url;                            // as written; may contain {{variables}} and a query
    QList<KeyValueRow> queryParams;         // appended to the URL's own query, in order
    QList<KeyValueRow> headers;
    RequestBody body;
    AuthSpec auth;
    RequestOptions options;

    friend bool operator==(const RequestSpec&, const RequestSpec&) = default;

    // True when method is a non-empty RFC 9110 token (tchar only).
    static bool isValidMethod(QStringView method);
};

} // namespace tb
