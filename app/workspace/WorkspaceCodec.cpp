#include "workspace/WorkspaceCodec.h"

using namespace Qt::StringLiterals;

namespace tb {

namespace {

void putIfNotEmpty(QJsonObject& json, const QString& key, const QString& value)
{
    if (!value.isEmpty()) {
        json.insert(key, value);
    }
}

void putIfNotEmpty(QJsonObject& json, const QString& key, const QJsonArray& value)
{
    if (!value.isEmpty()) {
        json.insert(key, value);
    }
}

void putIfNotEmpty(QJsonObject& json, const QString& key, const QJsonObject& value)
{
    if (!value.isEmpty()) {
        json.insert(key, value);
    }
}

QString str(const QJsonObject& json, const char16_t* key)
{
    return json.value(QStringView(key)).toString();
}

} // namespace

QJsonObject WorkspaceCodec::authToJson(const AuthSpec& auth)
{
    QJsonObject json;
    if (auth.kind == AuthSpec::Kind::Inherit) {
        return json;
    }
    json.insert(u"type"_s, AuthSpec::kindName(auth.kind));
    switch (auth.kind) {
    case AuthSpec::Kind::Bearer:
        json.insert(u"token"_s, auth.token);
        break;
    case AuthSpec::Kind::Basic:
        json.insert(u"username"_s, auth.username);
        json.insert(u"password"_s, auth.password);
        break;
    case AuthSpec::Kind::ApiKey:
        json.insert(u"location"_s, AuthSpec::apiKeyLocationName(auth.apiKeyLocation));
        json.insert(u"key"_s, auth.apiKeyName);
        json.insert(u"value"_s, auth.apiKeyValue);
        break;
    case AuthSpec::Kind::OAuth2:
        json.insert(u"profile"_s, auth.oauthProfile);
        break;
    case AuthSpec::Kind::Inherit:
    case AuthSpec::Kind::None:
        break;
    }
    return json;
}

AuthSpec WorkspaceCodec::authFromJson(const QJsonObject& json, QStringList& problems)
{
    AuthSpec auth;
    if (json.isEmpty()) {
        return auth;
    }
    const QString type = str(json, u"type");
    const auto kind = AuthSpec::kindFromName(type);
    if (!kind) {
        problems << QStringLiteral("unknown auth type \"%1\" (treated as inherit)").arg(type);
        return auth;
    }
    auth.kind = *kind;
    auth.token = str(json, u"token");
    auth.username = str(json, u"username");
    auth.password = str(json, u"password");
    auth.apiKeyName = str(json, u"key");
    auth.apiKeyValue = str(json, u"value");
    if (json.contains(u"location")) {
        const auto location = AuthSpec::apiKeyLocationFromName(str(json, u"location"));
        if (!location) {
            problems
                << QStringLiteral("unknown api key location \"%1\" (treated as header)").arg(str(json, u"location"));
        }
        auth.apiKeyLocation = location.value_or(AuthSpec::ApiKeyLocation::Header);
    }
    auth.oauthProfile = str(json, u"profile");
    return auth;
}

QJsonArray WorkspaceCodec::variablesToJson(const VariableList& variables)
{
    QJsonArray json;
    for (const Variable& v : variables) {
        QJsonObject o;
        o.insert(u"key"_s, v.key);
        if (v.secret) {
            // The value never reaches the file; only where to find it.
            o.insert(u"secret"_s, true);
            o.insert(u"ref"_s, v.ref);
        } else {
            o.insert(u"value"_s, v.value);
        }
        if (!v.enabled) {
            o.insert(u"enabled"_s, false);
        }
        putIfNotEmpty(o, u"description"_s, v.description);
        json.append(o);
    }
    return json;
}

VariableList WorkspaceCodec::variablesFromJson(const QJsonArray& json)
{
    VariableList variables;
    for (const QJsonValue& value : json) {
        const QJsonObject o = value.toObject();
        Variable v;
        v.key = str(o, u"key");
        v.secret = o.value(u"secret").toBool(false);
        v.value = v.secret ? QString() : str(o, u"value");
        v.ref = str(o, u"ref");
        v.enabled = o.value(u"enabled").toBool(true);
        v.description = str(o, u"description");
        variables << v;
    }
    return variables;
}

QJsonArray WorkspaceCodec::rowsToJson(const QList<KeyValueRow>& rows)
{
    QJsonArray json;
    for (const KeyValueRow& row : rows) {
        QJsonObject o{{u"name"_s, row.name}, {u"value"_s, row.value}};
        if (!row.enabled) {
            o.insert(u"enabled"_s, false);
        }
        json.append(o);
    }
    return json;
}

QList<KeyValueRow> WorkspaceCodec::rowsFromJson(const QJsonArray& json)
{
    QList<KeyValueRow> rows;
    for (const QJsonValue& value : json) {
        const QJsonObject o = value.toObject();
        rows << KeyValueRow{str(o, u"name"), str(o, u"value"), o.value(u"enabled").toBool(true)};
    }
    return rows;
}

QJsonObject WorkspaceCodec::bodyToJson(const RequestBody& body)
{
    QJsonObject json;
    if (body.kind == RequestBody::Kind::None) {
        return json;
    }
    json.insert(u"mode"_s, RequestBody::kindName(body.kind));
    putIfNotEmpty(json, u"contentType"_s, body.contentType);
    switch (body.kind) {
    case RequestBody::Kind::Raw:
        json.insert(u"text"_s, body.text);
        break;
    case RequestBody::Kind::UrlEncoded:
        json.insert(u"fields"_s, rowsToJson(body.formRows));
        break;
    case RequestBody::Kind::Multipart: {
        QJsonArray parts;
        for (const MultipartRow& part : body.parts) {
            QJsonObject o{{u"name"_s, part.name},
                          {u"type"_s, part.kind == MultipartRow::Kind::File ? u"file"_s : u"text"_s},
                          {u"value"_s, part.value}};
            putIfNotEmpty(o, u"contentType"_s, part.contentType);
            if (!part.enabled) {
                o.insert(u"enabled"_s, false);
            }
            parts.append(o);
        }
        json.insert(u"parts"_s, parts);
        break;
    }
    case RequestBody::Kind::Binary:
        json.insert(u"file"_s, body.filePath);
        break;
    case RequestBody::Kind::None:
        break;
    }
    return json;
}

RequestBody WorkspaceCodec::bodyFromJson(const QJsonObject& json, QStringList& problems)
{
    RequestBody body;
    if (json.isEmpty()) {
        return body;
    }
    const auto kind = RequestBody::kindFromName(str(json, u"mode"));
    if (!kind) {
        problems << QStringLiteral("unknown body mode \"%1\" (treated as none)").arg(str(json, u"mode"));
        return body;
    }
    body.kind = *kind;
    body.contentType = str(json, u"contentType");
    body.text = str(json, u"text");
    body.formRows = rowsFromJson(json.value(u"fields").toArray());
    for (const QJsonValue& value : json.value(u"parts").toArray()) {
        const QJsonObject o = value.toObject();
        MultipartRow part;
        part.kind = str(o, u"type") == u"file" ? MultipartRow::Kind::File : MultipartRow::Kind::Text;
        part.name = str(o, u"name");
        part.value = str(o, u"value");
        part.contentType = str(o, u"contentType");
        part.enabled = o.value(u"enabled").toBool(true);
        body.parts << part;
    }
    body.filePath = str(json, u"file");
    return body;
}

QJsonObject WorkspaceCodec::optionsToJson(const RequestOptions& options)
{
    const RequestOptions defaults;
    QJsonObject json;
    if (options.connectTimeoutMs != defaults.connectTimeoutMs) {
        json.insert(u"connectTimeoutMs"_s, options.connectTimeoutMs);
    }
    if (options.totalTimeoutMs != defaults.totalTimeoutMs) {
        json.insert(u"totalTimeoutMs"_s, options.totalTimeoutMs);
    }
    if (options.maxRedirects != defaults.maxRedirects) {
        json.insert(u"maxRedirects"_s, options.maxRedirects);
    }
    if (options.ignoreTlsErrors) {
        json.insert(u"ignoreTlsErrors"_s, true);
    }
    if (options.proxy != defaults.proxy) {
        static const char16_t* const modes[] = {u"system", u"none", u"explicit"};
        QJsonObject proxy{{u"mode"_s, QString::fromUtf16(modes[int(options.proxy.mode)])}};
        putIfNotEmpty(proxy, u"url"_s, options.proxy.url);
        json.insert(u"proxy"_s, proxy);
    }
    return json;
}

RequestOptions WorkspaceCodec::optionsFromJson(const QJsonObject& json, QStringList& problems)
{
    RequestOptions options;
    options.connectTimeoutMs = json.value(u"connectTimeoutMs").toInt(options.connectTimeoutMs);
    options.totalTimeoutMs = json.value(u"totalTimeoutMs").toInt(options.totalTimeoutMs);
    options.maxRedirects = json.value(u"maxRedirects").toInt(options.maxRedirects);
    options.ignoreTlsErrors = json.value(u"ignoreTlsErrors").toBool(false);
    const QJsonObject proxy = json.value(u"proxy").toObject();
    if (!proxy.isEmpty()) {
        const QString mode = str(proxy, u"mode");
        if (mode == u"none") {
            options.proxy.mode = ProxySpec::Mode::None;
        } else if (mode == u"explicit") {
            options.proxy.mode = ProxySpec::Mode::Explicit;
        } else if (mode != u"system") {
            problems << QStringLiteral("unknown proxy mode \"%1\" (treated as system)").arg(mode);
        }
        options.proxy.url = str(proxy, u"url");
    }
    return options;
}

QJsonObject WorkspaceCodec::scriptsToJson(const Scripts& scripts)
{
    QJsonObject json;
    putIfNotEmpty(json, u"preRequest"_s, scripts.preRequest);
    putIfNotEmpty(json, u"test"_s, scripts.test);
    return json;
}

Scripts WorkspaceCodec::scriptsFromJson(const QJsonObject& json)
{
    return Scripts{str(json, u"preRequest"), str(json, u"test")};
}

QJsonObject WorkspaceCodec::requestToJson(const CollectionItem& item)
{
    const RequestSpec& r = item.request;
    QJsonObject json{{u"name"_s, item.name}, {u"method"_s, r.method}, {u"url"_s, r.url}};
    putIfNotEmpty(json, u"description"_s, item.description);
    putIfNotEmpty(json, u"query"_s, rowsToJson(r.queryParams));
    putIfNotEmpty(json, u"headers"_s, rowsToJson(r.headers));
    putIfNotEmpty(json, u"body"_s, bodyToJson(r.body));
    putIfNotEmpty(json, u"auth"_s, authToJson(r.auth));
    putIfNotEmpty(json, u"options"_s, optionsToJson(r.options));
    putIfNotEmpty(json, u"scripts"_s, scriptsToJson(item.scripts));
    return json;
}

CollectionItem WorkspaceCodec::requestFromJson(const QJsonObject& json, QStringList& problems)
{
    CollectionItem item;
    item.kind = CollectionItem::Kind::Request;
    item.name = str(json, u"name");
    item.description = str(json, u"description");
    RequestSpec& r = item.request;
    r.method = json.value(u"method").toString(QStringLiteral("GET"));
    r.url = str(json, u"url");
    r.queryParams = rowsFromJson(json.value(u"query").toArray());
    r.headers = rowsFromJson(json.value(u"headers").toArray());
    r.body = bodyFromJson(json.value(u"body").toObject(), problems);
    r.auth = authFromJson(json.value(u"auth").toObject(), problems);
    r.options = optionsFromJson(json.value(u"options").toObject(), problems);
    item.scripts = scriptsFromJson(json.value(u"scripts").toObject());
    return item;
}

QJsonObject WorkspaceCodec::containerToJson(const QString& name, const QString& description, const AuthSpec& auth,
                                            const VariableList& variables, const Scripts& scripts)
{
    QJsonObject json{{u"name"_s, name}};
    putIfNotEmpty(json, u"description"_s, description);
    putIfNotEmpty(json, u"auth"_s, authToJson(auth));
    putIfNotEmpty(json, u"variables"_s, variablesToJson(variables));
    putIfNotEmpty(json, u"scripts"_s, scriptsToJson(scripts));
    return json;
}

} // namespace tb
