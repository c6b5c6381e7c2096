#include "cli/SendArguments.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::cli {

namespace {

using Result = SendArguments::Result;

Result failure(ExitCode code, const QString& error)
{
    Result r;
    r.exitCode = code;
    r.error = error;
    return r;
}

// The bytes of @FILE ("-" is stdin), or an error naming the file.
bool readFile(const QString& path, QByteArray& out, QString& error)
{
    QFile file;
    if (path == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read stdin");
            return false;
        }
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read '%1': %2")
                        .arg(path, QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file"));
            return false;
        }
    }
    out = file.readAll();
    return true;
}

// File content goes into text that is resolved for {{variables}}: escape it so it is sent as it is.
QString literal(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).replace(QStringLiteral("{{"), QStringLiteral("\\{{"));
}

QString jsonScalar(const QJsonValue& v)
{
    if (v.isString()) {
        return v.toString();
    }
    if (v.isDouble() || v.isBool() || v.isNull()) {
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// Accepts {"name": "value", ...}, {"variables": {...}} and rows as in Postman environments:
// {"values": [{"key": k, "value": v, "enabled": true}]} (also under "variables", with "name" for "key").
bool parseEnvironment(const QByteArray& bytes, QHash<QString, QString>& out, QString& error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                             : QStringLiteral("expected a JSON object");
        return false;
    }
    QJsonObject root = doc.object();
    const QJsonValue rows = root.contains(u"values") ? root.value(u"values") : root.value(u"variables");
    if (rows.isArray()) {
        for (const QJsonValue& row : rows.toArray()) {
            const QJsonObject o = row.toObject();
            if (o.value(u"enabled").toBool(true)) {
                out.insert(o.contains(u"key") ? o.value(u"key").toString() : o.value(u"name").toString(),
                           jsonScalar(o.value(u"value")));
            }
        }
        return true;
    }
    if (rows.isObject()) {
        root = rows.toObject();
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        out.insert(it.key(), jsonScalar(it.value()));
    }
    return true;
}

bool parseSeconds(const QString& text, int& ms)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    ms = int(seconds * 1000);
    return ok && seconds >= 0 && seconds < 2'000'000;
}

} // namespace

QString SendArguments::helpText()
{
    return QStringLiteral(
               "Usage: tokenbench-cli send [options] URL\n"
               "       tokenbench-cli send --workspace DIR [--environment NAME] [options] COLLECTION/[FOLDER/]REQUEST\n"
               "Sends one HTTP request. The response body goes to stdout, diagnostics to stderr.\n"
               "{{variables}} are resolved in the URL, headers and body from --env and --var.\n\n"
               "Options:\n"
               "  -X, --request <METHOD>        any method token (default GET, or POST with a body)\n"
               "  -H, --header <NAME:VALUE>     add a header (repeatable; a repeated name is sent comma-joined)\n"
               "  -d, --data <TEXT|@FILE>       body, application/x-www-form-urlencoded unless -H sets a type;\n"
               "                                repeated: joined with '&'; @FILE (@- stdin) is sent as is\n"
               "  --json <TEXT|@FILE>           JSON body (Content-Type and Accept application/json)\n"
               "  -F, --form <NAME=VALUE|NAME=@FILE>\n"
               "                                multipart/form-data field or file (;type=MIME after a file)\n"
               "  --env <FILE.json>             variables: {\"name\": \"value\"} or a Postman environment\n"
               "  --workspace <DIR>             send a saved request: its inherited auth, the environment's variables\n"
               "  --environment <NAME>          the workspace environment (default: the workspace's default)\n"
               "  --var <NAME=VALUE>            a variable (wins over --env; repeatable)\n"
               "  -m, --timeout <SECONDS>       total timeout (default none)\n"
               "  --connect-timeout <SECONDS>   connect timeout (default 30)\n"
               "  --max-redirects <N>           follow up to N redirects (default 10; 0: none)\n"
               "  --proxy <URL>                 http://host:port or socks5://host:port (default: as curl, from\n"
               "                                http_proxy, https_proxy, all_proxy and no_proxy)\n"
               "  --no-proxy                    no proxy, whatever the environment says\n"
               "  -k, --insecure                accept TLS certificates that fail verification\n"
               "  -i, --include                 print the status line and headers before the body\n"
               "  -f, --fail                    exit 22 (and print no body) when the status is not 2xx\n"
               "  -o, --output <FILE>           write the body to FILE\n"
               "  --json-out                    print one JSON document: status, headers, body, timings\n"
               "  -v, --verbose                 print the request sent (secrets masked) to stderr\n"
               "OAuth 2 (see tokenbench-cli token --help for every profile option):\n"
               "  --profile <NAME>              send with a token of this OAuth profile (with --workspace: the\n"
               "                                workspace's auth/NAME.json): Authorization: Bearer, fetched or\n"
               "                                refreshed when needed; a 401 refreshes once and retries once\n"
               "  --token-url, --issuer, --grant, --client-id, --client-secret-env, --username, --password-env,\n"
               "  --scope, --auth-method, --param  an inline profile, as for `token`\n"
               "  --ephemeral, --no-keychain, --vault <FILE>  where secrets and tokens are kept\n"
               "A saved request whose auth is an OAuth 2 profile gets its token the same way (--var\n"
               "NAME_access_token=TOKEN still wins when given).\n"
               "  -h, --help                    this help\n\n") +
           exitCodesHelp();
}

SendArguments::Result SendArguments::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption method({QStringLiteral("X"), QStringLiteral("request")}, QString(), QStringLiteral("M"));
    const QCommandLineOption header({QStringLiteral("H"), QStringLiteral("header")}, QString(), QStringLiteral("H"));
    const QCommandLineOption data({QStringLiteral("d"), QStringLiteral("data")}, QString(), QStringLiteral("D"));
    const QCommandLineOption json(QStringLiteral("json"), QString(), QStringLiteral("J"));
    const QCommandLineOption form({QStringLiteral("F"), QStringLiteral("form")}, QString(), QStringLiteral("F"));
    const QCommandLineOption env(QStringLiteral("env"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption var(QStringLiteral("var"), QString(), QStringLiteral("KV"));
    const QCommandLineOption timeout({QStringLiteral("m"), QStringLiteral("timeout")}, QString(), QStringLiteral("S"));
    const QCommandLineOption connectTimeout(QStringLiteral("connect-timeout"), QString(), QStringLiteral("S"));
    const QCommandLineOption maxRedirects(QStringLiteral("max-redirects"), QString(), QStringLiteral("N"));
    const QCommandLineOption proxy(QStringLiteral("proxy"), QString(), QStringLiteral("URL"));
    const QCommandLineOption noProxy(QStringLiteral("no-proxy"));
    const QCommandLineOption insecure(QStringList{QStringLiteral("k"), QStringLiteral("insecure")});
    const QCommandLineOption include(QStringList{QStringLiteral("i"), QStringLiteral("include")});
    const QCommandLineOption failOption(QStringList{QStringLiteral("f"), QStringLiteral("fail")});
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("FILE"));
    const QCommandLineOption jsonOut(QStringLiteral("json-out"));
    const QCommandLineOption verbose(QStringList{QStringLiteral("v"), QStringLiteral("verbose")});
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption workspace(QStringLiteral("workspace"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption environment(QStringLiteral("environment"), QString(), QStringLiteral("NAME"));
    parser.addOptions({method,     header,         data,         json,    form,    env,       var,
                       timeout,    connectTimeout, maxRedirects, proxy,   noProxy, insecure,  include,
                       failOption, output,         jsonOut,      verbose, help,    workspace, environment});
    ProfileOptions profile(ProfileOptions::For::Send);
    profile.addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("send")} + arguments)) {
        return failure(Usage, parser.errorText() + QStringLiteral(" (see tokenbench-cli send --help)"));
    }
    Result result;
    if (parser.isSet(help)) {
        result.help = true;
        return result;
    }
    SendArguments& a = result.arguments;
    RequestSpec& r = a.request;
    a.workspace = parser.value(workspace);
    a.profile = profile.given(parser);
    a.environmentName = parser.value(environment);

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return failure(Usage, QStringLiteral("missing URL (see tokenbench-cli send --help)"));
    }
    if (positional.size() > 1) {
        return failure(Usage, QStringLiteral("one URL expected, got also '%1'").arg(positional.at(1)));
    }
    r.url = positional.first();

    for (const QString& h : parser.values(header)) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0) {
            return failure(Usage, QStringLiteral("bad header '%1' (expected 'Name: value')").arg(h));
        }
        r.headers.append({h.left(colon).trimmed(), h.mid(colon + 1).trimmed(), true});
    }

    const QStringList dataValues = parser.values(data);
    const QStringList jsonValues = parser.values(json);
    const QStringList formValues = parser.values(form);
    if (!formValues.isEmpty() && !(dataValues.isEmpty() && jsonValues.isEmpty())) {
        return failure(Usage, QStringLiteral("--form cannot be combined with --data or --json"));
    }
    if (!dataValues.isEmpty() && !jsonValues.isEmpty()) {
        return failure(Usage, QStringLiteral("--data cannot be combined with --json"));
    }
    QString error;
    const QStringList textValues = dataValues.isEmpty() ? jsonValues : dataValues;
    const bool isJson = dataValues.isEmpty();
    if (!textValues.isEmpty()) {
        r.body.contentType =
            isJson ? QStringLiteral("application/json") : QStringLiteral("application/x-www-form-urlencoded");
        if (textValues.size() == 1 && textValues.first().startsWith(u'@') && textValues.first() != u"@-") {
            // One file: its exact bytes, streamed, whatever they are.
            r.body.kind = RequestBody::Kind::Binary;
            r.body.filePath = textValues.first().mid(1);
            QFileInfo info(r.body.filePath);
            if (!info.isFile() || !info.isReadable()) {
                return failure(ReadError,
                               QStringLiteral("cannot read '%1': %2")
                                   .arg(r.body.filePath, info.exists() ? QStringLiteral("not a readable file")
                                                                       : QStringLiteral("no such file")));
            }
        } else {
            r.body.kind = RequestBody::Kind::Raw;
            QStringList pieces;
            for (const QString& v : textValues) {
                if (v.startsWith(u'@')) {
                    QByteArray bytes;
                    if (!readFile(v.mid(1), bytes, error)) {
                        return failure(ReadError, error);
                    }
                    pieces << literal(bytes);
                } else {
                    pieces << v;
                }
            }
            r.body.text = pieces.join(isJson ? QString() : QStringLiteral("&"));
        }
        const bool hasAccept = std::any_of(r.headers.cbegin(), r.headers.cend(), [](const KeyValueRow& row) {
            return row.name.compare(u"accept", Qt::CaseInsensitive) == 0;
        });
        if (isJson && !hasAccept) {
            r.headers.prepend({QStringLiteral("Accept"), QStringLiteral("application/json"), true});
        }
    }
    for (const QString& f : formValues) {
        const qsizetype eq = f.indexOf(u'=');
        if (eq <= 0) {
            return failure(Usage, QStringLiteral("bad --form '%1' (expected name=value or name=@FILE)").arg(f));
        }
        MultipartRow part;
        part.name = f.left(eq);
        part.value = f.mid(eq + 1);
        if (part.value.startsWith(u'@')) {
            part.kind = MultipartRow::Kind::File;
            part.value = part.value.mid(1);
            const qsizetype type = part.value.lastIndexOf(QStringLiteral(";type="));
            if (type >= 0) {
                part.contentType = part.value.mid(type + 6);
                part.value = part.value.left(type);
            }
            QFileInfo info(part.value);
            if (!info.isFile() || !info.isReadable()) {
                return failure(ReadError, QStringLiteral("cannot read '%1': %2")
                                              .arg(part.value, info.exists() ? QStringLiteral("not a readable file")
                                                                             : QStringLiteral("no such file")));
            }
        }
        r.body.kind = RequestBody::Kind::Multipart;
        r.body.parts.append(part);
    }

    r.method = parser.isSet(method)
                   ? parser.value(method)
                   : (r.body.kind == RequestBody::Kind::None ? QStringLiteral("GET") : QStringLiteral("POST"));

    if (parser.isSet(env)) {
        QByteArray bytes;
        if (!readFile(parser.value(env), bytes, error)) {
            return failure(ReadError, error);
        }
        if (!parseEnvironment(bytes, a.environment, error)) {
            return failure(ReadError,
                           QStringLiteral("'%1' is not an environment file: %2").arg(parser.value(env), error));
        }
    }
    for (const QString& v : parser.values(var)) {
        const qsizetype eq = v.indexOf(u'=');
        if (eq <= 0) {
            return failure(Usage, QStringLiteral("bad --var '%1' (expected name=value)").arg(v));
        }
        a.variables.insert(v.left(eq), v.mid(eq + 1));
    }

    RequestOptions& o = r.options;
    o.connectTimeoutMs = 30'000;
    if (parser.isSet(timeout) && !parseSeconds(parser.value(timeout), o.totalTimeoutMs)) {
        return failure(Usage, QStringLiteral("bad --timeout '%1' (expected seconds)").arg(parser.value(timeout)));
    }
    if (parser.isSet(connectTimeout) && !parseSeconds(parser.value(connectTimeout), o.connectTimeoutMs)) {
        return failure(
            Usage, QStringLiteral("bad --connect-timeout '%1' (expected seconds)").arg(parser.value(connectTimeout)));
    }
    if (parser.isSet(maxRedirects)) {
        bool ok = false;
        o.maxRedirects = parser.value(maxRedirects).toInt(&ok);
        if (!ok || o.maxRedirects < 0) {
            return failure(
                Usage,
                QStringLiteral("bad --max-redirects '%1' (expected a number >= 0)").arg(parser.value(maxRedirects)));
        }
    }
    if (parser.isSet(proxy) && parser.isSet(noProxy)) {
        return failure(Usage, QStringLiteral("--proxy cannot be combined with --no-proxy"));
    }
    if (parser.isSet(proxy)) {
        o.proxy = {ProxySpec::Mode::Explicit, parser.value(proxy)};
    } else if (parser.isSet(noProxy)) {
        o.proxy.mode = ProxySpec::Mode::None;
    }
    o.ignoreTlsErrors = parser.isSet(insecure);

    a.include = parser.isSet(include);
    a.fail = parser.isSet(failOption);
    a.jsonOut = parser.isSet(jsonOut);
    a.verbose = parser.isSet(verbose);
    a.outputPath = parser.value(output);
    return result;
}

} // namespace tb::cli
