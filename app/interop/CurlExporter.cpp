#include "interop/CurlExporter.h"

#include "interop/FormEncoding.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

bool isPlainShellChar(QChar c)
{
    return (c.unicode() < 128 && c.isLetterOrNumber()) || QStringView(u"_@%+=:,./-").contains(c);
}

bool needsAnsiC(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return true;
        }
    }
    return false;
}

QString ansiC(const QString& text)
{
    QString out = u"$'"_s;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\'':
            out += u"\\'"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                out += QStringLiteral("\\x%1").arg(uint(c.unicode()), 2, 16, QChar(u'0'));
            } else {
                out += c;
            }
        }
    }
    return out + u'\'';
}

// A shell word made of literal text and shell variables.
class Word
{
public:
    void literal(const QString& text) { m_parts.push_back({false, text}); }
    void variable(const QString& name) { m_parts.push_back({true, name}); }

    QString quoted() const
    {
        bool hasVariable = false;
        QString plain;
        for (const auto& [isVariable, text] : m_parts) {
            hasVariable = hasVariable || isVariable;
            plain += text;
        }
        if (!hasVariable) {
            return CurlExporter::quote(plain);
        }
        // Double quotes expand $NAME and keep everything else literal once \ " $ ` are escaped.
        QString out = u"\""_s;
        for (const auto& [isVariable, text] : m_parts) {
            if (isVariable) {
                out += u"${"_s + text + u'}';
                continue;
            }
            for (const QChar c : text) {
                if (c == u'\\' || c == u'"' || c == u'$' || c == u'`') {
                    out += u'\\';
                }
                out += c;
            }
        }
        return out + u'"';
    }

private:
    std::vector<std::pair<bool, QString>> m_parts;
};

class Writer
{
public:
    explicit Writer(const CurlExporter::Options& options) : m_options(options) {}

    // Splits text at {{variables}} and resolves each through the caller.
    Word word(const QString& text) const
    {
        static const QRegularExpression variable(u"\\{\\{\\s*([^{}]+?)\\s*\\}\\}"_s);
        Word w;
        qsizetype last = 0;
        auto it = variable.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            w.literal(text.mid(last, m.capturedStart() - last));
            const QString name = m.captured(1);
            const std::optional<QString> value = m_options.value ? m_options.value(name) : std::nullopt;
            if (value) {
                w.literal(*value);
            } else {
                w.variable(CurlExporter::shellName(name));
            }
            last = m.capturedEnd();
        }
        w.literal(text.mid(last));
        return w;
    }

    void add(const QString& option) { m_args << option; }
    void add(const QString& option, const QString& value) { m_args << option + u' ' + word(value).quoted(); }
    void addWord(const QString& option, const Word& value)
    {
        m_args << (option.isEmpty() ? value.quoted() : option + u' ' + value.quoted());
    }

    QString command(bool multiline) const { return m_args.join(multiline ? u" \\\n  "_s : u" "_s); }

private:
    const CurlExporter::Options& m_options;
    QStringList m_args{u"curl"_s};
};

bool hasHeader(const RequestSpec& request, QStringView name)
{
    for (const KeyValueRow& row : request.headers) {
        if (row.enabled && row.name.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 10);
}

bool isPlainFormName(const QString& name)
{
    return !name.isEmpty() && !name.contains(u'=') && !name.contains(u'@') && !name.startsWith(u'+') &&
           FormEncoding::encode(name) == name;
}

} // namespace

QString CurlExporter::shellName(const QString& name)
{
    QString out;
    for (const QChar c : name) {
        out += (c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_')) ? c : u'_';
    }
    if (out.isEmpty() || out.at(0).isDigit()) {
        out.prepend(u'_');
    }
    return out;
}

QString CurlExporter::quote(const QString& text)
{
    if (!text.isEmpty() && std::all_of(text.begin(), text.end(), isPlainShellChar)) {
        return text;
    }
    if (needsAnsiC(text)) {
        return ansiC(text);
    }
    QString out = text;
    out.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + out + u'\'';
}

QString CurlExporter::toCommand(const RequestSpec& request, const Options& options)
{
    Writer w(options);
    const RequestBody& body = request.body;
    const bool sendsBody =
        body.kind != RequestBody::Kind::None &&
        !(body.kind == RequestBody::Kind::UrlEncoded &&
          std::none_of(body.formRows.begin(), body.formRows.end(), [](const KeyValueRow& r) { return r.enabled; }));
    const QString inferred = sendsBody ? u"POST"_s : u"GET"_s;
    if (request.method == u"HEAD" && !sendsBody) {
        w.add(u"-I"_s);
    } else if (request.method != inferred) {
        w.add(u"-X"_s + u' ' + quote(request.method));
    }
    w.addWord(QString(), w.word(request.url));
    for (const KeyValueRow& row : request.queryParams) {
        if (row.enabled) {
            w.add(u"--url-query"_s, row.name + u'=' + row.value);
        }
    }
    for (const KeyValueRow& row : request.headers) {
        if (row.enabled) {
            w.add(u"-H"_s, row.value.isEmpty() ? row.name + u';' : row.name + u": "_s + row.value);
        }
    }
    const AuthSpec& auth = request.auth;
    switch (auth.kind) {
    case AuthSpec::Kind::Bearer:
        w.add(u"-H"_s, u"Authorization: Bearer "_s + auth.token);
        break;
    case AuthSpec::Kind::Basic:
        w.add(u"-u"_s, auth.username + u':' + auth.password);
        break;
    case AuthSpec::Kind::ApiKey:
        if (auth.apiKeyLocation == AuthSpec::ApiKeyLocation::Query) {
            w.add(u"--url-query"_s, auth.apiKeyName + u'=' + auth.apiKeyValue);
        } else {
            w.add(u"-H"_s, auth.apiKeyName + u": "_s + auth.apiKeyValue);
        }
        break;
    case AuthSpec::Kind::OAuth2: {
        const QString variable = options.oauthTokenVariable ? options.oauthTokenVariable(auth.oauthProfile)
                                                            : shellName(auth.oauthProfile + u"_access_token"_s);
        Word value;
        value.literal(u"Authorization: Bearer "_s);
        value.variable(variable);
        w.addWord(u"-H"_s, value);
        break;
    }
    case AuthSpec::Kind::Inherit:
    case AuthSpec::Kind::None:
        break;
    }
    if (!body.contentType.isEmpty() && !hasHeader(request, u"Content-Type") &&
        (body.kind == RequestBody::Kind::Raw || body.kind == RequestBody::Kind::Binary)) {
        w.add(u"-H"_s, u"Content-Type: "_s + body.contentType);
    }
    switch (body.kind) {
    case RequestBody::Kind::Raw:
        w.add(u"--data-raw"_s, body.text);
        break;
    case RequestBody::Kind::UrlEncoded:
        for (const KeyValueRow& row : body.formRows) {
            if (!row.enabled) {
                continue;
            }
            if (isPlainFormName(row.name)) {
                w.add(u"--data-urlencode"_s, row.name + u'=' + row.value);
            } else {
                w.add(u"-d"_s, FormEncoding::encode(row.name) + u'=' + FormEncoding::encode(row.value));
            }
        }
        break;
    case RequestBody::Kind::Multipart:
        for (const MultipartRow& part : body.parts) {
            if (!part.enabled) {
                continue;
            }
            const QString type = part.contentType.isEmpty() ? QString() : u";type="_s + part.contentType;
            if (part.kind == MultipartRow::Kind::File) {
                const bool quotePath = part.value.contains(u';') || part.value.contains(u'"');
                w.add(u"-F"_s, part.name + u"=@"_s + (quotePath ? u'"' + part.value + u'"' : part.value) + type);
            } else if (type.isEmpty() || part.value.contains(u';') || part.value.startsWith(u'@') ||
                       part.value.startsWith(u'<')) {
                w.add(u"--form-string"_s, part.name + u'=' + part.value);
            } else {
                w.add(u"-F"_s, part.name + u'=' + part.value + type);
            }
        }
        break;
    case RequestBody::Kind::Binary:
        w.add(u"--data-binary"_s, u'@' + body.filePath);
        break;
    case RequestBody::Kind::None:
        break;
    }
    const RequestOptions& o = request.options;
    if (o.ignoreTlsErrors) {
        w.add(u"-k"_s);
    }
    if (o.maxRedirects > 0) {
        w.add(u"-L"_s);
        if (o.maxRedirects != 50) {
            w.add(u"--max-redirs "_s + QString::number(o.maxRedirects));
        }
    }
    if (o.totalTimeoutMs > 0) {
        w.add(u"-m "_s + seconds(o.totalTimeoutMs));
    }
    if (o.connectTimeoutMs != RequestOptions{}.connectTimeoutMs) {
        w.add(u"--connect-timeout "_s + seconds(o.connectTimeoutMs));
    }
    if (o.proxy.mode == ProxySpec::Mode::Explicit) {
        w.add(u"-x"_s, o.proxy.url);
    } else if (o.proxy.mode == ProxySpec::Mode::None) {
        w.add(u"--noproxy '*'"_s);
    }
    return w.command(options.multiline);
}

} // namespace tb
