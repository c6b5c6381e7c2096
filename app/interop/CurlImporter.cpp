#include "interop/CurlImporter.h"

#include "interop/CurlTokenizer.h"
#include "interop/FormEncoding.h"

#include <QUrl>

#include <array>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

enum class Opt
{
    Request,
    Header,
    Data,       // -d, --data, --data-ascii: @file is read, newlines stripped
    DataBinary, // @file is read as is
    DataRaw,    // no @ interpretation
    DataUrlencode,
    Json,
    Form,
    FormString,
    User,
    Cookie,
    UserAgent,
    Referer,
    Compressed,
    Insecure,
    Location,
    MaxRedirs,
    Get,
    Url,
    UrlQuery,
    Head,
    UploadFile,
    MaxTime,
    ConnectTimeout,
    Proxy,
    NoProxy,
    OAuth2Bearer,
    NoEffect,   // flags whose behaviour Tokenbench has anyway (--basic, -g)
    OutputOnly, // flags that change what curl prints or saves, not the request
    Unmapped,   // flags that change the request in a way Tokenbench cannot express
};

struct OptionInfo
{
    char16_t shortName;
    const char16_t* longName;
    bool takesArg;
    Opt opt;
};

constexpr OptionInfo kOptions[] = {
    {u'X', u"request", true, Opt::Request},
    {u'H', u"header", true, Opt::Header},
    {u'd', u"data", true, Opt::Data},
    {0, u"data-ascii", true, Opt::Data},
    {0, u"data-binary", true, Opt::DataBinary},
    {0, u"data-raw", true, Opt::DataRaw},
    {0, u"data-urlencode", true, Opt::DataUrlencode},
    {0, u"json", true, Opt::Json},
    {u'F', u"form", true, Opt::Form},
    {0, u"form-string", true, Opt::FormString},
    {u'u', u"user", true, Opt::User},
    {u'b', u"cookie", true, Opt::Cookie},
    {u'A', u"user-agent", true, Opt::UserAgent},
    {u'e', u"referer", true, Opt::Referer},
    {0, u"compressed", false, Opt::Compressed},
    {u'k', u"insecure", false, Opt::Insecure},
    {u'L', u"location", false, Opt::Location},
    {0, u"max-redirs", true, Opt::MaxRedirs},
    {u'G', u"get", false, Opt::Get},
    {0, u"url", true, Opt::Url},
    {0, u"url-query", true, Opt::UrlQuery},
    {u'I', u"head", false, Opt::Head},
    {u'T', u"upload-file", true, Opt::UploadFile},
    {u'm', u"max-time", true, Opt::MaxTime},
    {0, u"connect-timeout", true, Opt::ConnectTimeout},
    {u'x', u"proxy", true, Opt::Proxy},
    {0, u"noproxy", true, Opt::NoProxy},
    {0, u"oauth2-bearer", true, Opt::OAuth2Bearer},
    {0, u"basic", false, Opt::NoEffect},
    {u'g', u"globoff", false, Opt::NoEffect},
    {0, u"compressed-ssh", false, Opt::NoEffect},
    // Output only
    {u's', u"silent", false, Opt::OutputOnly},
    {u'S', u"show-error", false, Opt::OutputOnly},
    {u'v', u"verbose", false, Opt::OutputOnly},
    {u'i', u"include", false, Opt::OutputOnly},
    {u'f', u"fail", false, Opt::OutputOnly},
    {0, u"fail-with-body", false, Opt::OutputOnly},
    {0, u"fail-early", false, Opt::OutputOnly},
    {u'#', u"progress-bar", false, Opt::OutputOnly},
    {0, u"no-progress-meter", false, Opt::OutputOnly},
    {u'O', u"remote-name", false, Opt::OutputOnly},
    {u'J', u"remote-header-name", false, Opt::OutputOnly},
    {u'N', u"no-buffer", false, Opt::OutputOnly},
    {u'R', u"remote-time", false, Opt::OutputOnly},
    {0, u"create-dirs", false, Opt::OutputOnly},
    {u'q', u"disable", false, Opt::OutputOnly},
    {0, u"styled-output", false, Opt::OutputOnly},
    {u'o', u"output", true, Opt::OutputOnly},
    {0, u"output-dir", true, Opt::OutputOnly},
    {u'w', u"write-out", true, Opt::OutputOnly},
    {u'D', u"dump-header", true, Opt::OutputOnly},
    {0, u"trace", true, Opt::OutputOnly},
    {0, u"trace-ascii", true, Opt::OutputOnly},
    {0, u"stderr", true, Opt::OutputOnly},
    {u'c', u"cookie-jar", true, Opt::OutputOnly},
    // Unmappable, with an argument (so that the argument is not taken for a URL)
    {u'E', u"cert", true, Opt::Unmapped},
    {0, u"cert-type", true, Opt::Unmapped},
    {0, u"key", true, Opt::Unmapped},
    {0, u"key-type", true, Opt::Unmapped},
    {0, u"pass", true, Opt::Unmapped},
    {0, u"cacert", true, Opt::Unmapped},
    {0, u"capath", true, Opt::Unmapped},
    {0, u"ciphers", true, Opt::Unmapped},
    {u'r', u"range", true, Opt::Unmapped},
    {u'y', u"speed-time", true, Opt::Unmapped},
    {u'Y', u"speed-limit", true, Opt::Unmapped},
    {0, u"retry", true, Opt::Unmapped},
    {0, u"retry-delay", true, Opt::Unmapped},
    {0, u"retry-max-time", true, Opt::Unmapped},
    {0, u"limit-rate", true, Opt::Unmapped},
    {0, u"max-filesize", true, Opt::Unmapped},
    {0, u"resolve", true, Opt::Unmapped},
    {0, u"connect-to", true, Opt::Unmapped},
    {0, u"interface", true, Opt::Unmapped},
    {0, u"local-port", true, Opt::Unmapped},
    {u'K', u"config", true, Opt::Unmapped},
    {0, u"dns-servers", true, Opt::Unmapped},
    {u'U', u"proxy-user", true, Opt::Unmapped},
    {0, u"preproxy", true, Opt::Unmapped},
    {0, u"proxy-header", true, Opt::Unmapped},
    {u'z', u"time-cond", true, Opt::Unmapped},
    {0, u"expect100-timeout", true, Opt::Unmapped},
    {0, u"keepalive-time", true, Opt::Unmapped},
    {0, u"unix-socket", true, Opt::Unmapped},
    {0, u"abstract-unix-socket", true, Opt::Unmapped},
    {0, u"aws-sigv4", true, Opt::Unmapped},
    {0, u"request-target", true, Opt::Unmapped},
    {0, u"tls-max", true, Opt::Unmapped},
    {0, u"pinnedpubkey", true, Opt::Unmapped},
    {u'Q', u"quote", true, Opt::Unmapped},
    {u'P', u"ftp-port", true, Opt::Unmapped},
    {0, u"netrc-file", true, Opt::Unmapped},
    {0, u"delegation", true, Opt::Unmapped},
    {u'C', u"continue-at", true, Opt::Unmapped},
    {u't', u"telnet-option", true, Opt::Unmapped},
    {0, u"variable", true, Opt::Unmapped},
    {0, u"proxy-cacert", true, Opt::Unmapped},
    {0, u"proxy-cert", true, Opt::Unmapped},
    {0, u"crlfile", true, Opt::Unmapped},
    {0, u"socks4", true, Opt::Unmapped},
    {0, u"socks4a", true, Opt::Unmapped},
    {0, u"socks5", true, Opt::Unmapped},
    {0, u"socks5-hostname", true, Opt::Unmapped},
    {0, u"proto", true, Opt::Unmapped},
    {0, u"proto-redir", true, Opt::Unmapped},
    {0, u"proto-default", true, Opt::Unmapped},
    {0, u"hsts", true, Opt::Unmapped},
    {0, u"alt-svc", true, Opt::Unmapped},
    {0, u"doh-url", true, Opt::Unmapped},
    {0, u"rate", true, Opt::Unmapped},
    {0, u"parallel-max", true, Opt::Unmapped},
    {0, u"happy-eyeballs-timeout-ms", true, Opt::Unmapped},
    {0, u"login-options", true, Opt::Unmapped},
    {0, u"sasl-authzid", true, Opt::Unmapped},
    {0, u"service-name", true, Opt::Unmapped},
    {0, u"mail-from", true, Opt::Unmapped},
    {0, u"mail-rcpt", true, Opt::Unmapped},
    {0, u"ip-tos", true, Opt::Unmapped},
};

const OptionInfo* findLong(QStringView name)
{
    for (const OptionInfo& o : kOptions) {
        if (name == QStringView(o.longName)) {
            return &o;
        }
    }
    return nullptr;
}

const OptionInfo* findShort(QChar c)
{
    for (const OptionInfo& o : kOptions) {
        if (o.shortName != 0 && c == QChar(o.shortName)) {
            return &o;
        }
    }
    return nullptr;
}

// One -d/--data-urlencode/--json argument, before they are combined into a body (or a query with -G).
struct DataPiece
{
    enum class Kind
    {
        Text,
        Row,
        File
    };
    Kind kind = Kind::Text;
    QString text; // Text: already encoded (as curl sends it); File: the path
    KeyValueRow row;
};

class Parser
{
public:
    CurlImporter::Result run(QStringList args)
    {
        // "$ curl ..." from docs, "curl.exe", a full path: skip to the curl word itself.
        qsizetype start = 0;
        while (start < args.size() && !isCurlWord(args.at(start))) {
            ++start;
        }
        if (start == args.size()) {
            m_result.error = u"not a curl command (no \"curl\" word found)"_s;
            return m_result;
        }
        m_args = args.mid(start + 1);
        while (m_index < m_args.size() && m_result.error.isEmpty()) {
            parseOne();
        }
        if (!m_result.error.isEmpty()) {
            return m_result;
        }
        finish();
        return m_result;
    }

private:
    static bool isCurlWord(const QString& word)
    {
        const QString base = word.section(u'/', -1).section(u'\\', -1).toLower();
        return base == u"curl" || base == u"curl.exe";
    }

    void note(const QString& text)
    {
        if (!m_result.notes.contains(text)) {
            m_result.notes << text;
        }
    }

    void parseOne()
    {
        const QString arg = m_args.at(m_index++);
        if (arg.startsWith(u"--") && arg.size() > 2) {
            const QString name = arg.mid(2);
            const OptionInfo* info = findLong(name);
            if (!info && name.startsWith(u"no-")) {
                note(QStringLiteral("%1 is not imported (it only turns a curl default off)").arg(arg));
                return;
            }
            if (!info) {
                note(QStringLiteral("%1 is not supported and was not imported").arg(arg));
                return;
            }
            handle(*info, arg, info->takesArg ? takeArgument(arg) : QString());
            return;
        }
        if (arg.startsWith(u'-') && arg.size() > 1) {
            // A cluster of short flags (-sSL), the last of which may take an argument, attached (-XPOST) or not.
            for (qsizetype i = 1; i < arg.size(); ++i) {
                const OptionInfo* info = findShort(arg.at(i));
                const QString flag = u"-"_s + arg.at(i);
                if (!info) {
                    note(QStringLiteral("%1 is not supported and was not imported").arg(flag));
                    continue;
                }
                if (info->takesArg) {
                    const QString rest = arg.mid(i + 1);
                    handle(*info, flag, rest.isEmpty() ? takeArgument(flag) : rest);
                    return;
                }
                handle(*info, flag, {});
            }
            return;
        }
        m_urls << arg;
    }

    QString takeArgument(const QString& flag)
    {
        if (m_index >= m_args.size()) {
            m_result.error = QStringLiteral("%1 needs an argument").arg(flag);
            return {};
        }
        return m_args.at(m_index++);
    }

    void handle(const OptionInfo& info, const QString& flag, const QString& value)
    {
        RequestSpec& r = m_result.request;
        switch (info.opt) {
        case Opt::Request:
            m_method = value;
            break;
        case Opt::Header:
            header(value);
            break;
        case Opt::Data:
        case Opt::DataBinary:
            if (value.startsWith(u'@')) {
                m_data << DataPiece{DataPiece::Kind::File, value.mid(1), {}};
                if (info.opt == Opt::Data) {
                    note(QStringLiteral("%1 @FILE sends the file without its newlines in curl; Tokenbench sends "
                                        "the file as it is")
                             .arg(flag));
                }
            } else {
                m_data << DataPiece{DataPiece::Kind::Text, value, {}};
            }
            break;
        case Opt::DataRaw:
            m_data << DataPiece{DataPiece::Kind::Text, value, {}};
            break;
        case Opt::DataUrlencode:
            dataUrlencode(flag, value);
            break;
        case Opt::Json:
            m_json = true;
            if (value.startsWith(u'@')) {
                m_data << DataPiece{DataPiece::Kind::File, value.mid(1), {}};
            } else {
                m_data << DataPiece{DataPiece::Kind::Text, value, {}};
            }
            break;
        case Opt::Form:
            form(value, false);
            break;
        case Opt::FormString:
            form(value, true);
            break;
        case Opt::User: {
            r.auth.kind = AuthSpec::Kind::Basic;
            const qsizetype colon = value.indexOf(u':');
            r.auth.username = colon < 0 ? value : value.left(colon);
            r.auth.password = colon < 0 ? QString() : value.mid(colon + 1);
            if (colon < 0) {
                note(QStringLiteral("%1 has no password (curl would ask for one): the password is empty").arg(flag));
            }
            break;
        }
        case Opt::Cookie:
            if (!value.contains(u'=')) {
                note(QStringLiteral("%1 %2 reads cookies from a file, which is not imported").arg(flag, value));
            } else {
                m_cookies << value;
            }
            break;
        case Opt::UserAgent:
            m_result.request.headers << KeyValueRow{u"User-Agent"_s, value, true};
            break;
        case Opt::Referer: {
            QString referer = value;
            if (referer.endsWith(u";auto")) {
                referer.chop(5);
                note(QStringLiteral("%1 ;auto (update the referer on redirects) is not imported").arg(flag));
            }
            if (!referer.isEmpty()) {
                m_result.request.headers << KeyValueRow{u"Referer"_s, referer, true};
            }
            break;
        }
        case Opt::Compressed:
        case Opt::NoEffect:
            break; // Tokenbench always asks for and decodes compressed responses
        case Opt::Insecure:
            r.options.ignoreTlsErrors = true;
            break;
        case Opt::Location:
            m_location = true;
            break;
        case Opt::MaxRedirs:
            m_maxRedirs = value.toInt();
            break;
        case Opt::Get:
            m_get = true;
            break;
        case Opt::Url:
            m_urls << value;
            break;
        case Opt::UrlQuery:
            urlQuery(value);
            break;
        case Opt::Head:
            m_head = true;
            break;
        case Opt::UploadFile:
            m_uploadFile = value;
            break;
        case Opt::MaxTime:
            r.options.totalTimeoutMs = int(value.toDouble() * 1000);
            break;
        case Opt::ConnectTimeout:
            r.options.connectTimeoutMs = int(value.toDouble() * 1000);
            break;
        case Opt::Proxy:
            r.options.proxy.mode = ProxySpec::Mode::Explicit;
            r.options.proxy.url = value;
            break;
        case Opt::NoProxy:
            if (value == u"*") {
                r.options.proxy.mode = ProxySpec::Mode::None;
            } else {
                note(QStringLiteral("%1 %2 (no proxy for some hosts) is not imported").arg(flag, value));
            }
            break;
        case Opt::OAuth2Bearer:
            r.auth = AuthSpec{};
            r.auth.kind = AuthSpec::Kind::Bearer;
            r.auth.token = value;
            break;
        case Opt::OutputOnly:
            m_outputOnly << flag;
            break;
        case Opt::Unmapped:
            note(info.takesArg ? QStringLiteral("%1 %2 is not supported and was not imported").arg(flag, value)
                               : QStringLiteral("%1 is not supported and was not imported").arg(flag));
            break;
        }
    }

    void header(const QString& value)
    {
        if (value.startsWith(u'@')) {
            note(QStringLiteral("-H %1 reads headers from a file, which is not imported").arg(value));
            return;
        }
        const qsizetype colon = value.indexOf(u':');
        if (colon < 0) {
            if (value.endsWith(u';')) { // "Name;" sends the header with an empty value
                m_result.request.headers << KeyValueRow{value.chopped(1).trimmed(), QString(), true};
            } else {
                note(QStringLiteral("-H \"%1\" is not a header (no colon) and was not imported").arg(value));
            }
            return;
        }
        const QString name = value.left(colon).trimmed();
        const QString headerValue = value.mid(colon + 1).trimmed();
        if (headerValue.isEmpty()) {
            note(QStringLiteral("-H \"%1:\" removes a header curl adds by itself; Tokenbench does not add it either")
                     .arg(name));
            return;
        }
        m_result.request.headers << KeyValueRow{name, headerValue, true};
    }

    // --data-urlencode forms: "content", "=content", "name=content", "@file", "name@file".
    void dataUrlencode(const QString& flag, const QString& value)
    {
        const qsizetype eq = value.indexOf(u'=');
        const qsizetype at = value.indexOf(u'@');
        if (at >= 0 && (eq < 0 || at < eq)) {
            note(QStringLiteral("%1 %2 reads the value from a file, which is not imported").arg(flag, value));
            return;
        }
        if (eq > 0) {
            m_data << DataPiece{DataPiece::Kind::Row, {}, KeyValueRow{value.left(eq), value.mid(eq + 1), true}};
        } else {
            m_data << DataPiece{DataPiece::Kind::Text, FormEncoding::encode(eq == 0 ? value.mid(1) : value), {}};
        }
    }

    void urlQuery(const QString& value)
    {
        const qsizetype eq = value.indexOf(u'=');
        if (value.startsWith(u'+')) {
            m_result.request.queryParams << KeyValueRow{value.mid(1).section(u'=', 0, 0), value.mid(1).section(u'=', 1),
                                                        true};
            return;
        }
        if (eq > 0) {
            m_result.request.queryParams << KeyValueRow{value.left(eq), value.mid(eq + 1), true};
        } else {
            note(QStringLiteral("--url-query %1 is not imported (only name=value is)").arg(value));
        }
    }

    // -F name=value, name=@file, name=<file, with ;type= and ;filename=.
    void form(const QString& value, bool literal)
    {
        const qsizetype eq = value.indexOf(u'=');
        if (eq <= 0) {
            note(QStringLiteral("-F %1 has no name=value and was not imported").arg(value));
            return;
        }
        MultipartRow part;
        part.name = value.left(eq);
        QString content = value.mid(eq + 1);
        if (literal) {
            part.value = content;
            m_parts << part;
            return;
        }
        if (content.startsWith(u'@') || content.startsWith(u'<')) {
            const bool asText = content.startsWith(u'<');
            part.kind = MultipartRow::Kind::File;
            content = content.mid(1);
            if (content.startsWith(u'"')) {
                // -F 'file=@"name;with;semicolons";type=...'
                const qsizetype close = content.indexOf(u'"', 1);
                part.value = content.mid(1, close - 1);
                content = close < 0 ? QString() : content.mid(close + 1);
            } else {
                part.value = content.section(u';', 0, 0);
                content = content.mid(part.value.size());
            }
            if (asText) {
                note(QStringLiteral("-F %1=<FILE sends the file's text as a plain field; imported as a file part")
                         .arg(part.name));
            }
        } else {
            part.value = content.section(u';', 0, 0);
            content = content.mid(part.value.size());
        }
        for (const QString& attribute : content.split(u';', Qt::SkipEmptyParts)) {
            const QString key = attribute.section(u'=', 0, 0).trimmed();
            const QString attrValue = attribute.section(u'=', 1).trimmed();
            if (key == u"type") {
                part.contentType = attrValue;
            } else {
                note(QStringLiteral("-F %1: ;%2 is not imported").arg(part.name, attribute.trimmed()));
            }
        }
        m_parts << part;
    }

    static qsizetype headerIndex(const QList<KeyValueRow>& headers, QStringView name)
    {
        for (qsizetype i = 0; i < headers.size(); ++i) {
            if (headers.at(i).name.compare(name, Qt::CaseInsensitive) == 0) {
                return i;
            }
        }
        return -1;
    }

    // Authorization: Bearer/Basic headers become auth, so that they can be inherited, shared and kept secret.
    void authorizationHeader()
    {
        RequestSpec& r = m_result.request;
        const qsizetype i = headerIndex(r.headers, u"Authorization");
        if (i < 0 || r.auth.kind != AuthSpec::Kind::Inherit) {
            return;
        }
        const QString value = r.headers.at(i).value;
        const QString scheme = value.section(u' ', 0, 0);
        const QString credentials = value.section(u' ', 1).trimmed();
        if (scheme.compare(u"Bearer", Qt::CaseInsensitive) == 0 && !credentials.isEmpty()) {
            r.auth.kind = AuthSpec::Kind::Bearer;
            r.auth.token = credentials;
            r.headers.removeAt(i);
        } else if (scheme.compare(u"Basic", Qt::CaseInsensitive) == 0) {
            const QByteArray decoded =
                QByteArray::fromBase64(credentials.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            const QString pair = QString::fromUtf8(decoded);
            if (!decoded.isEmpty() && pair.contains(u':')) {
                r.auth.kind = AuthSpec::Kind::Basic;
                r.auth.username = pair.section(u':', 0, 0);
                r.auth.password = pair.section(u':', 1);
                r.headers.removeAt(i);
            }
        }
    }

    QString takeHeader(QStringView name)
    {
        QList<KeyValueRow>& headers = m_result.request.headers;
        const qsizetype i = headerIndex(headers, name);
        return i < 0 ? QString() : headers.takeAt(i).value;
    }

    void finish()
    {
        RequestSpec& r = m_result.request;
        if (m_urls.isEmpty()) {
            m_result.error = u"the curl command has no URL"_s;
            return;
        }
        r.url = m_urls.first();
        if (!r.url.contains(u"://") && !r.url.startsWith(u"{{")) {
            r.url.prepend(u"http://"_s); // what curl assumes
        }
        for (qsizetype i = 1; i < m_urls.size(); ++i) {
            note(QStringLiteral("only the first URL is imported; %1 was not").arg(m_urls.at(i)));
        }
        if (!m_cookies.isEmpty()) {
            r.headers << KeyValueRow{u"Cookie"_s, m_cookies.join(u"; "_s), true};
        }
        if (!m_outputOnly.isEmpty()) {
            note(QStringLiteral("%1: only change what curl prints or saves, not the request")
                     .arg(m_outputOnly.join(u", "_s)));
        }
        authorizationHeader();
        if (m_json) {
            if (headerIndex(r.headers, u"Content-Type") < 0) {
                r.headers << KeyValueRow{u"Content-Type"_s, u"application/json"_s, true};
            }
            if (headerIndex(r.headers, u"Accept") < 0) {
                r.headers << KeyValueRow{u"Accept"_s, u"application/json"_s, true};
            }
        }

        QString inferred = u"GET"_s;
        if (m_get) {
            dataToQuery();
        } else if (!m_parts.isEmpty()) {
            if (!m_data.isEmpty()) {
                note(u"-d and -F cannot be combined (curl refuses it); the -d data was not imported"_s);
            }
            r.body.kind = RequestBody::Kind::Multipart;
            r.body.parts = m_parts;
            const QString type = takeHeader(u"Content-Type");
            if (!type.isEmpty() && !type.startsWith(u"multipart/form-data", Qt::CaseInsensitive)) {
                r.headers << KeyValueRow{u"Content-Type"_s, type, true};
            }
            inferred = u"POST"_s;
        } else if (!m_data.isEmpty()) {
            dataToBody();
            inferred = u"POST"_s;
        } else if (!m_uploadFile.isEmpty()) {
            r.body.kind = RequestBody::Kind::Binary;
            r.body.filePath = m_uploadFile;
            r.body.contentType = takeHeader(u"Content-Type");
            inferred = u"PUT"_s;
        }
        if (m_head) {
            inferred = u"HEAD"_s;
        }
        r.method = m_method.isEmpty() ? inferred : m_method;
        if (!RequestSpec::isValidMethod(r.method)) {
            m_result.error = QStringLiteral("\"%1\" is not a valid HTTP method").arg(r.method);
            return;
        }
        // curl follows no redirect unless -L; then at most --max-redirs (50 by default).
        r.options.maxRedirects = m_location ? (m_maxRedirs >= 0 ? m_maxRedirs : 50) : 0;
    }

    void dataToQuery()
    {
        RequestSpec& r = m_result.request;
        for (const DataPiece& piece : m_data) {
            if (piece.kind == DataPiece::Kind::Row) {
                r.queryParams << piece.row;
            } else if (piece.kind == DataPiece::Kind::File) {
                note(QStringLiteral("-G with @%1 reads the query from a file, which is not imported").arg(piece.text));
            } else if (const auto rows = FormEncoding::parse(piece.text)) {
                r.queryParams << *rows;
            } else {
                r.url += (r.url.contains(u'?') ? u'&' : u'?') + piece.text;
            }
        }
    }

    void dataToBody()
    {
        RequestSpec& r = m_result.request;
        if (m_data.size() == 1 && m_data.first().kind == DataPiece::Kind::File) {
            r.body.kind = RequestBody::Kind::Binary;
            r.body.filePath = m_data.first().text;
            r.body.contentType = takeHeader(u"Content-Type");
            if (r.body.contentType.isEmpty()) {
                r.body.contentType = u"application/x-www-form-urlencoded"_s; // what curl sends
            }
            return;
        }
        QList<KeyValueRow> rows;
        bool allRows = true;
        QStringList texts;
        for (const DataPiece& piece : m_data) {
            switch (piece.kind) {
            case DataPiece::Kind::Row:
                rows << piece.row;
                texts << piece.row.name + u'=' + FormEncoding::encode(piece.row.value);
                break;
            case DataPiece::Kind::Text:
                texts << piece.text;
                if (const auto parsed = FormEncoding::parse(piece.text)) {
                    rows << *parsed;
                } else {
                    allRows = false;
                }
                break;
            case DataPiece::Kind::File:
                note(QStringLiteral("@%1 among other -d arguments is not imported").arg(piece.text));
                break;
            }
        }
        const qsizetype typeIndex = headerIndex(r.headers, u"Content-Type");
        const QString type = typeIndex < 0 ? QString() : r.headers.at(typeIndex).value;
        const bool formType =
            type.isEmpty() || type.compare(u"application/x-www-form-urlencoded", Qt::CaseInsensitive) == 0;
        if (formType && allRows && !rows.isEmpty()) {
            r.body.kind = RequestBody::Kind::UrlEncoded;
            r.body.formRows = rows;
            if (typeIndex >= 0) {
                r.headers.removeAt(typeIndex);
            }
            return;
        }
        r.body.kind = RequestBody::Kind::Raw;
        r.body.text = texts.join(u'&');
        r.body.contentType = type.isEmpty() ? u"application/x-www-form-urlencoded"_s : takeHeader(u"Content-Type");
    }

    CurlImporter::Result m_result;
    QStringList m_args;
    qsizetype m_index = 0;
    QString m_method;
    QStringList m_urls;
    QStringList m_cookies;
    QStringList m_outputOnly;
    QList<DataPiece> m_data;
    QList<MultipartRow> m_parts;
    QString m_uploadFile;
    bool m_json = false;
    bool m_location = false;
    int m_maxRedirs = -1;
    bool m_get = false;
    bool m_head = false;
};

} // namespace

CurlImporter::Result CurlImporter::fromCommand(const QString& command)
{
    const CurlTokenizer::Result tokens = CurlTokenizer::tokenize(command);
    if (!tokens.ok()) {
        Result result;
        result.error = tokens.error;
        return result;
    }
    Result result = fromArguments(tokens.args);
    for (const QString& name : tokens.variables) {
        result.notes << QStringLiteral("the shell variable $%1 became the variable {{%1}}").arg(name);
    }
    for (const QString& rest : tokens.ignored) {
        result.notes << QStringLiteral("\"%1\" is shell syntax around the curl command and was not imported").arg(rest);
    }
    result.notes.removeDuplicates();
    return result;
}

CurlImporter::Result CurlImporter::fromArguments(const QStringList& args)
{
    return Parser().run(args);
}

} // namespace tb
