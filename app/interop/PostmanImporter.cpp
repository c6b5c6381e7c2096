#include "interop/PostmanImporter.h"

#include "workspace/JsonFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

QString text(const QJsonValue& value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toDouble(), 'g', 17);
    }
    if (value.isBool()) {
        return value.toBool() ? u"true"_s : u"false"_s;
    }
    return {};
}

// A description is a string or {content, type}.
QString description(const QJsonValue& value)
{
    return value.isObject() ? value.toObject().value(u"content").toString() : value.toString();
}

// Auth parameters: v2.1 writes [{key, value, type}], v2.0 wrote {key: value}.
QHash<QString, QJsonValue> authParams(const QJsonValue& value)
{
    QHash<QString, QJsonValue> params;
    if (value.isArray()) {
        for (const QJsonValue& entry : value.toArray()) {
            params.insert(entry.toObject().value(u"key").toString(), entry.toObject().value(u"value"));
        }
    } else {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            params.insert(it.key(), it.value());
        }
    }
    return params;
}

QString contentTypeForLanguage(const QString& language)
{
    if (language == u"json") {
        return u"application/json"_s;
    }
    if (language == u"xml") {
        return u"application/xml"_s;
    }
    if (language == u"html") {
        return u"text/html"_s;
    }
    if (language == u"javascript") {
        return u"application/javascript"_s;
    }
    return u"text/plain"_s;
}

std::optional<QJsonObject> parseObject(const QByteArray& json, QString& error)
{
    const JsonFile::ReadResult read = JsonFile::parse(json, {});
    if (read.issue) {
        error = QStringLiteral("not valid JSON: %1 (line %2, column %3)")
                    .arg(read.issue->message)
                    .arg(read.issue->line)
                    .arg(read.issue->column);
        return std::nullopt;
    }
    return read.document.object();
}

class Importer
{
public:
    PostmanImporter::Result run(const QByteArray& json)
    {
        const std::optional<QJsonObject> parsed = parseObject(json, m_result.error);
        if (!parsed) {
            return m_result;
        }
        QJsonObject root = *parsed;
        if (root.contains(u"collection") && root.value(u"collection").isObject()) {
            root = root.value(u"collection").toObject(); // the Postman API wraps it: {"collection": {...}}
        }
        const QJsonObject info = root.value(u"info").toObject();
        const QString schema = info.value(u"schema").toString();
        if (info.isEmpty() || !root.value(u"item").isArray()) {
            m_result.error = root.contains(u"requests")
                                 ? u"this is a Postman v1 collection; export it from Postman as v2.1"_s
                                 : u"not a Postman collection (no info and item)"_s;
            return m_result;
        }
        if (!schema.isEmpty() && !schema.contains(u"v2.1") && !schema.contains(u"v2.0")) {
            m_result.notes << QStringLiteral("unknown schema %1, read as v2.1").arg(schema);
        }
        Collection& c = m_result.collection;
        c.name = info.value(u"name").toString(u"Imported"_s);
        c.description = description(info.value(u"description"));
        c.auth = auth(root.value(u"auth"), c.name);
        c.variables = variables(root.value(u"variable").toArray());
        c.scripts = scripts(root.value(u"event").toArray(), c.name);
        c.items = items(root.value(u"item").toArray(), c.name);
        return m_result;
    }

private:
    void note(const QString& text) { m_result.notes << text; }

    std::vector<CollectionItem> items(const QJsonArray& array, const QString& where)
    {
        std::vector<CollectionItem> out;
        for (const QJsonValue& value : array) {
            const QJsonObject object = value.toObject();
            CollectionItem item;
            item.name = object.value(u"name").toString();
            item.description = description(object.value(u"description"));
            const QString path = where + u" / "_s + item.name;
            item.scripts = scripts(object.value(u"event").toArray(), path);
            if (object.contains(u"item")) {
                item.kind = CollectionItem::Kind::Folder;
                item.auth = auth(object.value(u"auth"), path);
                item.variables = variables(object.value(u"variable").toArray());
                item.children = items(object.value(u"item").toArray(), path);
            } else {
                item.kind = CollectionItem::Kind::Request;
                item.request = request(object.value(u"request"), path, item.description);
                if (!object.value(u"variable").toArray().isEmpty()) {
                    note(QStringLiteral("%1: request-level variables are not imported").arg(path));
                }
            }
            out.push_back(std::move(item));
        }
        return out;
    }

    VariableList variables(const QJsonArray& array)
    {
        VariableList out;
        for (const QJsonValue& value : array) {
            const QJsonObject object = value.toObject();
            Variable v;
            v.key = object.value(u"key").toString(object.value(u"id").toString());
            v.value = text(object.value(u"value"));
            v.secret = object.value(u"type").toString() == u"secret";
            v.enabled = !object.value(u"disabled").toBool(false);
            v.description = description(object.value(u"description"));
            out << v;
        }
        return out;
    }

    Scripts scripts(const QJsonArray& events, const QString& where)
    {
        Scripts out;
        for (const QJsonValue& value : events) {
            const QJsonObject event = value.toObject();
            const QJsonValue exec = event.value(u"script").toObject().value(u"exec");
            QString source;
            if (exec.isArray()) {
                QStringList lines;
                for (const QJsonValue& line : exec.toArray()) {
                    lines << line.toString();
                }
                source = lines.join(u'\n');
            } else {
                source = exec.toString();
            }
            if (source.trimmed().isEmpty()) {
                continue;
            }
            const QString listen = event.value(u"listen").toString();
            if (listen == u"prerequest") {
                out.preRequest = source;
            } else if (listen == u"test") {
                out.test = source;
            } else {
                note(QStringLiteral("%1: a \"%2\" script was not imported").arg(where, listen));
                continue;
            }
            note(QStringLiteral("%1: the %2 script is kept as text and is not run by Tokenbench")
                     .arg(where, listen == u"test" ? u"test"_s : u"pre-request"_s));
        }
        return out;
    }

    AuthSpec auth(const QJsonValue& value, const QString& where)
    {
        AuthSpec a;
        if (!value.isObject()) {
            return a; // absent or null: inherit
        }
        const QJsonObject object = value.toObject();
        const QString type = object.value(u"type").toString();
        const auto params = authParams(object.value(type));
        auto param = [&](const char16_t* key) { return text(params.value(QString::fromUtf16(key))); };
        if (type == u"noauth") {
            a.kind = AuthSpec::Kind::None;
        } else if (type == u"bearer") {
            a.kind = AuthSpec::Kind::Bearer;
            a.token = param(u"token");
        } else if (type == u"basic") {
            a.kind = AuthSpec::Kind::Basic;
            a.username = param(u"username");
            a.password = param(u"password");
        } else if (type == u"apikey") {
            a.kind = AuthSpec::Kind::ApiKey;
            a.apiKeyName = param(u"key");
            a.apiKeyValue = param(u"value");
            a.apiKeyLocation =
                param(u"in") == u"query" ? AuthSpec::ApiKeyLocation::Query : AuthSpec::ApiKeyLocation::Header;
        } else if (type == u"oauth2") {
            a.kind = AuthSpec::Kind::OAuth2;
            a.oauthProfile = oauth2(params, where);
        } else {
            a.kind = AuthSpec::Kind::None;
            note(QStringLiteral("%1: %2 auth is not supported; the request is sent without auth").arg(where, type));
        }
        return a;
    }

    // An oauth2 block becomes an OAuth profile (shared by every block that describes the same client).
    QString oauth2(const QHash<QString, QJsonValue>& params, const QString& where)
    {
        auto param = [&](const char16_t* key) { return text(params.value(QString::fromUtf16(key))); };
        OAuthProfile p;
        const QString grant = param(u"grant_type");
        if (grant == u"client_credentials") {
            p.grantType = OAuthProfile::GrantType::ClientCredentials;
        } else if (grant == u"password_credentials") {
            p.grantType = OAuthProfile::GrantType::Password;
        } else {
            p.grantType = OAuthProfile::GrantType::AuthorizationCode;
            if (grant == u"implicit") {
                note(QStringLiteral("%1: the implicit grant is obsolete (RFC 9700); the profile uses the "
                                    "authorization code grant with PKCE")
                         .arg(where));
            }
        }
        p.tokenUrl = param(u"accessTokenUrl");
        p.authorizeUrl = param(u"authUrl");
        p.clientId = param(u"clientId");
        p.scope = param(u"scope");
        p.username = param(u"username");
        p.clientAuth = param(u"client_authentication") == u"body" ? OAuthProfile::ClientAuth::Body
                                                                  : OAuthProfile::ClientAuth::Basic;
        for (const auto& [key, target] :
             {std::pair{u"authRequestParams", &p.authorizeParams}, std::pair{u"tokenRequestParams", &p.tokenParams},
              std::pair{u"refreshRequestParams", &p.refreshParams}}) {
            for (const QJsonValue& entry : params.value(QString::fromUtf16(key)).toArray()) {
                const QJsonObject o = entry.toObject();
                if (o.value(u"enabled").toBool(true)) {
                    *target << std::pair{o.value(u"key").toString(), text(o.value(u"value"))};
                }
            }
        }
        QString name = param(u"tokenName");
        if (name.isEmpty()) {
            name = m_result.collection.name + u" oauth2"_s;
        }
        p.name = name;
        const QString clientSecret = param(u"clientSecret");
        const QString password = param(u"password");
        p.clientSecretRef = clientSecret.isEmpty() ? QString() : PostmanImporter::clientSecretItem();
        p.passwordRef = password.isEmpty() ? QString() : PostmanImporter::passwordItem();
        if (!param(u"accessToken").isEmpty() || !param(u"refreshToken").isEmpty()) {
            note(QStringLiteral("%1: the token stored in the oauth2 block was not imported; the profile gets its own")
                     .arg(where));
        }
        // The same client described twice (collection and folder) is one profile; a different one with the same
        // name gets a suffix.
        for (int n = 2;; ++n) {
            const auto existing = std::find_if(m_result.profiles.begin(), m_result.profiles.end(),
                                               [&](const OAuthProfile& other) { return other.name == p.name; });
            if (existing == m_result.profiles.end()) {
                break;
            }
            if (*existing == p) {
                return p.name;
            }
            p.name = QStringLiteral("%1 %2").arg(name).arg(n);
        }
        m_result.profiles << p;
        for (const auto& [item, value] : {std::pair{PostmanImporter::clientSecretItem(), clientSecret},
                                          std::pair{PostmanImporter::passwordItem(), password}}) {
            if (!value.isEmpty() && !value.contains(u"{{")) {
                m_result.secrets << PostmanImporter::ProfileSecret{p.name, item, value};
            } else if (!value.isEmpty()) {
                note(QStringLiteral("%1: the oauth2 %2 refers to %3; store the value in the profile")
                         .arg(where, item, value));
            }
        }
        return p.name;
    }

    QList<KeyValueRow> rows(const QJsonArray& array)
    {
        QList<KeyValueRow> out;
        for (const QJsonValue& value : array) {
            const QJsonObject o = value.toObject();
            out << KeyValueRow{o.value(u"key").toString(), text(o.value(u"value")),
                               !o.value(u"disabled").toBool(false)};
        }
        return out;
    }

    QList<KeyValueRow> headers(const QJsonValue& value)
    {
        if (value.isString()) { // v1-style "Name: value\n..." strings still appear in v2.0 exports
            QList<KeyValueRow> out;
            for (const QString& line : value.toString().split(u'\n', Qt::SkipEmptyParts)) {
                out << KeyValueRow{line.section(u':', 0, 0).trimmed(), line.section(u':', 1).trimmed(), true};
            }
            return out;
        }
        return rows(value.toArray());
    }

    void url(const QJsonValue& value, RequestSpec& r, const QString& where)
    {
        QString raw;
        QJsonArray query;
        bool hasQueryArray = false;
        if (value.isString()) {
            raw = value.toString();
        } else {
            const QJsonObject o = value.toObject();
            raw = o.value(u"raw").toString();
            if (raw.isEmpty()) {
                raw = rebuild(o);
            }
            hasQueryArray = o.contains(u"query");
            query = o.value(u"query").toArray();
            if (!o.value(u"variable").toArray().isEmpty()) {
                QStringList names;
                for (const QJsonValue& v : o.value(u"variable").toArray()) {
                    names << u':' + v.toObject().value(u"key").toString() + u'=' + text(v.toObject().value(u"value"));
                }
                note(QStringLiteral("%1: path variables (%2) are not imported; the URL keeps the :names")
                         .arg(where, names.join(u", "_s)));
            }
        }
        const qsizetype question = raw.indexOf(u'?');
        if (hasQueryArray) {
            r.queryParams = rows(query);
            r.url = question < 0 ? raw : raw.left(question);
        } else if (question >= 0) {
            r.url = raw.left(question);
            for (const QString& pair : raw.mid(question + 1).split(u'&', Qt::SkipEmptyParts)) {
                r.queryParams << KeyValueRow{pair.section(u'=', 0, 0), pair.section(u'=', 1), true};
            }
        } else {
            r.url = raw;
        }
    }

    static QString rebuild(const QJsonObject& o)
    {
        auto joined = [&](const char16_t* key, QChar separator) {
            const QJsonValue v = o.value(QStringView(key));
            if (v.isString()) {
                return v.toString();
            }
            QStringList parts;
            for (const QJsonValue& part : v.toArray()) {
                parts << part.toString();
            }
            return parts.join(separator);
        };
        QString out;
        if (o.contains(u"protocol")) {
            out += o.value(u"protocol").toString() + u"://"_s;
        }
        out += joined(u"host", u'.');
        if (o.contains(u"port")) {
            out += u':' + o.value(u"port").toString();
        }
        if (o.contains(u"path")) {
            out += u'/' + joined(u"path", u'/');
        }
        return out;
    }

    qsizetype headerIndex(const RequestSpec& r, QStringView name)
    {
        for (qsizetype i = 0; i < r.headers.size(); ++i) {
            if (r.headers.at(i).enabled && r.headers.at(i).name.compare(name, Qt::CaseInsensitive) == 0) {
                return i;
            }
        }
        return -1;
    }

    // A raw or file body carries its content type; an enabled Content-Type header row becomes it (that is how the
    // Postman app writes it), so that an export writes the header once and an import reads it back the same.
    void takeContentType(RequestSpec& r, const QString& fallback)
    {
        const qsizetype i = headerIndex(r, u"Content-Type");
        r.body.contentType = i < 0 ? fallback : r.headers.takeAt(i).value;
    }

    void body(const QJsonObject& o, RequestSpec& r, const QString& where)
    {
        if (o.isEmpty()) {
            return;
        }
        if (o.value(u"disabled").toBool(false)) {
            note(QStringLiteral("%1: the body is disabled in Postman and was not imported").arg(where));
            return;
        }
        const QString mode = o.value(u"mode").toString();
        if (mode == u"raw") {
            r.body.kind = RequestBody::Kind::Raw;
            r.body.text = o.value(u"raw").toString();
            const QString language =
                o.value(u"options").toObject().value(u"raw").toObject().value(u"language").toString();
            takeContentType(r, contentTypeForLanguage(language));
        } else if (mode == u"urlencoded") {
            r.body.kind = RequestBody::Kind::UrlEncoded;
            r.body.formRows = rows(o.value(u"urlencoded").toArray());
        } else if (mode == u"formdata") {
            r.body.kind = RequestBody::Kind::Multipart;
            for (const QJsonValue& value : o.value(u"formdata").toArray()) {
                const QJsonObject f = value.toObject();
                MultipartRow part;
                part.name = f.value(u"key").toString();
                part.enabled = !f.value(u"disabled").toBool(false);
                part.contentType = f.value(u"contentType").toString();
                if (f.value(u"type").toString() == u"file") {
                    part.kind = MultipartRow::Kind::File;
                    const QJsonValue src = f.value(u"src");
                    if (src.isArray()) {
                        part.value = src.toArray().first().toString();
                        if (src.toArray().size() > 1) {
                            note(QStringLiteral("%1: form field %2 lists several files; only the first is imported")
                                     .arg(where, part.name));
                        }
                    } else {
                        part.value = src.toString();
                    }
                } else {
                    part.value = text(f.value(u"value"));
                }
                r.body.parts << part;
            }
        } else if (mode == u"file") {
            r.body.kind = RequestBody::Kind::Binary;
            r.body.filePath = o.value(u"file").toObject().value(u"src").toString();
            takeContentType(r, QString());
        } else if (mode == u"graphql") {
            // GraphQL over HTTP is a JSON POST body: {"query": ..., "variables": {...}}.
            const QJsonObject g = o.value(u"graphql").toObject();
            QJsonObject payload{{u"query"_s, g.value(u"query").toString()}};
            const QJsonDocument vars = QJsonDocument::fromJson(g.value(u"variables").toString().toUtf8());
            if (vars.isObject()) {
                payload.insert(u"variables"_s, vars.object());
            }
            r.body.kind = RequestBody::Kind::Raw;
            r.body.text = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented));
            takeContentType(r, u"application/json"_s);
            note(QStringLiteral("%1: the GraphQL body became its JSON form {\"query\", \"variables\"}").arg(where));
        } else if (!mode.isEmpty()) {
            note(QStringLiteral("%1: body mode \"%2\" is not supported and was not imported").arg(where, mode));
        }
    }

    RequestSpec request(const QJsonValue& value, const QString& where, QString& itemDescription)
    {
        RequestSpec r;
        if (value.isString()) { // a bare URL
            url(value, r, where);
            return r;
        }
        const QJsonObject o = value.toObject();
        r.method = o.value(u"method").toString(u"GET"_s).toUpper();
        url(o.value(u"url"), r, where);
        r.headers = headers(o.value(u"header"));
        r.auth = auth(o.value(u"auth"), where);
        body(o.value(u"body").toObject(), r, where);
        if (itemDescription.isEmpty()) {
            itemDescription = description(o.value(u"description"));
        }
        const QJsonObject behaviour = o.value(u"protocolProfileBehavior").toObject();
        if (behaviour.contains(u"followRedirects") && !behaviour.value(u"followRedirects").toBool()) {
            r.options.maxRedirects = 0;
        }
        if (behaviour.contains(u"strictSSL") && !behaviour.value(u"strictSSL").toBool()) {
            r.options.ignoreTlsErrors = true;
        }
        return r;
    }

    PostmanImporter::Result m_result;
};

} // namespace

PostmanImporter::Result PostmanImporter::importCollection(const QByteArray& json)
{
    return Importer().run(json);
}

PostmanImporter::EnvironmentResult PostmanImporter::importEnvironment(const QByteArray& json)
{
    EnvironmentResult result;
    const std::optional<QJsonObject> parsed = parseObject(json, result.error);
    if (!parsed) {
        return result;
    }
    const QJsonObject root = *parsed;
    if (!root.value(u"values").isArray()) {
        result.error = u"not a Postman environment (no values)"_s;
        return result;
    }
    if (root.value(u"_postman_variable_scope").toString() == u"globals") {
        result.notes << u"these are Postman globals; they were imported as an environment"_s;
    }
    result.environment.name = root.value(u"name").toString(u"Imported"_s);
    for (const QJsonValue& value : root.value(u"values").toArray()) {
        const QJsonObject o = value.toObject();
        Variable v;
        v.key = o.value(u"key").toString();
        v.value = text(o.value(u"value"));
        v.secret = o.value(u"type").toString() == u"secret";
        v.enabled = o.value(u"enabled").toBool(true);
        result.environment.variables << v;
    }
    return result;
}

} // namespace tb
