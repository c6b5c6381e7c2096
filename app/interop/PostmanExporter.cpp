#include "interop/PostmanExporter.h"

#include "interop/CurlExporter.h"
#include "interop/PostmanImporter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tb {

namespace {

const QString kSchema = u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s;

QJsonObject param(const QString& key, const QJsonValue& value)
{
    return QJsonObject{{u"key"_s, key}, {u"value"_s, value}, {u"type"_s, value.isBool() ? u"boolean"_s : u"string"_s}};
}

QString languageFor(const QString& contentType)
{
    const QString t = contentType.toLower();
    if (t.contains(u"json")) {
        return u"json"_s;
    }
    if (t.contains(u"xml")) {
        return u"xml"_s;
    }
    if (t.contains(u"html")) {
        return u"html"_s;
    }
    if (t.contains(u"javascript")) {
        return u"javascript"_s;
    }
    return u"text"_s;
}

QJsonArray rows(const QList<KeyValueRow>& list, bool typed)
{
    QJsonArray out;
    for (const KeyValueRow& row : list) {
        QJsonObject o{{u"key"_s, row.name}, {u"value"_s, row.value}};
        if (typed) {
            o.insert(u"type"_s, u"text"_s);
        }
        if (!row.enabled) {
            o.insert(u"disabled"_s, true);
        }
        out.append(o);
    }
    return out;
}

class Exporter
{
public:
    explicit Exporter(const PostmanExporter::Options& options) : m_options(options) {}

    QJsonObject collection(const Collection& c)
    {
        QJsonObject info{{u"name"_s, c.name}, {u"schema"_s, kSchema}};
        if (!c.description.isEmpty()) {
            info.insert(u"description"_s, c.description);
        }
        QJsonObject root{{u"info"_s, info}, {u"item"_s, items(c.items)}};
        container(root, c.auth, c.variables, c.scripts);
        return root;
    }

private:
    void container(QJsonObject& o, const AuthSpec& a, const VariableList& vars, const Scripts& s)
    {
        if (a.kind != AuthSpec::Kind::Inherit) {
            o.insert(u"auth"_s, auth(a));
        }
        if (!vars.isEmpty()) {
            o.insert(u"variable"_s, variables(vars));
        }
        if (!s.isEmpty()) {
            o.insert(u"event"_s, events(s));
        }
    }

    QJsonArray items(const std::vector<CollectionItem>& list)
    {
        QJsonArray out;
        for (const CollectionItem& item : list) {
            QJsonObject o{{u"name"_s, item.name}};
            if (!item.description.isEmpty()) {
                o.insert(u"description"_s, item.description);
            }
            if (item.isFolder()) {
                o.insert(u"item"_s, items(item.children));
                container(o, item.auth, item.variables, item.scripts);
            } else {
                o.insert(u"request"_s, request(item.request));
                o.insert(u"response"_s, QJsonArray());
                if (!item.scripts.isEmpty()) {
                    o.insert(u"event"_s, events(item.scripts));
                }
            }
            out.append(o);
        }
        return out;
    }

    QJsonArray variables(const VariableList& list)
    {
        QJsonArray out;
        for (const Variable& v : list) {
            QJsonObject o{{u"key"_s, v.key}};
            if (v.secret) {
                const std::optional<QString> value = m_options.revealSecret ? m_options.revealSecret(v) : std::nullopt;
                o.insert(u"value"_s, value.value_or(QString()));
                o.insert(u"type"_s, u"secret"_s);
            } else {
                o.insert(u"value"_s, v.value);
                o.insert(u"type"_s, u"string"_s);
            }
            if (!v.enabled) {
                o.insert(u"disabled"_s, true);
            }
            if (!v.description.isEmpty()) {
                o.insert(u"description"_s, v.description);
            }
            out.append(o);
        }
        return out;
    }

    static QJsonArray events(const Scripts& s)
    {
        QJsonArray out;
        for (const auto& [listen, source] : {std::pair{u"prerequest"_s, s.preRequest}, std::pair{u"test"_s, s.test}}) {
            if (source.isEmpty()) {
                continue;
            }
            QJsonArray exec;
            for (const QString& line : source.split(u'\n')) {
                exec.append(line);
            }
            out.append(QJsonObject{{u"listen"_s, listen},
                                   {u"script"_s, QJsonObject{{u"type"_s, u"text/javascript"_s}, {u"exec"_s, exec}}}});
        }
        return out;
    }

    QJsonObject auth(const AuthSpec& a)
    {
        switch (a.kind) {
        case AuthSpec::Kind::Bearer:
            return {{u"type"_s, u"bearer"_s}, {u"bearer"_s, QJsonArray{param(u"token"_s, a.token)}}};
        case AuthSpec::Kind::Basic:
            return {{u"type"_s, u"basic"_s},
                    {u"basic"_s, QJsonArray{param(u"username"_s, a.username), param(u"password"_s, a.password)}}};
        case AuthSpec::Kind::ApiKey:
            return {{u"type"_s, u"apikey"_s},
                    {u"apikey"_s, QJsonArray{param(u"key"_s, a.apiKeyName), param(u"value"_s, a.apiKeyValue),
                                             param(u"in"_s, AuthSpec::apiKeyLocationName(a.apiKeyLocation))}}};
        case AuthSpec::Kind::OAuth2:
            return {{u"type"_s, u"oauth2"_s}, {u"oauth2"_s, oauth2(a.oauthProfile)}};
        case AuthSpec::Kind::None:
        case AuthSpec::Kind::Inherit:
            break;
        }
        return {{u"type"_s, u"noauth"_s}};
    }

    QJsonArray oauth2(const QString& name)
    {
        QJsonArray out{param(u"tokenName"_s, name), param(u"addTokenTo"_s, u"header"_s),
                       param(u"accessToken"_s, u"{{"_s + PostmanExporter::accessTokenVariable(name) + u"}}"_s)};
        const std::optional<OAuthProfile> p = m_options.profile ? m_options.profile(name) : std::nullopt;
        if (!p) {
            return out;
        }
        static const QHash<OAuthProfile::GrantType, QString> grants{
            {OAuthProfile::GrantType::AuthorizationCode, u"authorization_code_with_pkce"_s},
            {OAuthProfile::GrantType::ClientCredentials, u"client_credentials"_s},
            {OAuthProfile::GrantType::Password, u"password_credentials"_s},
            {OAuthProfile::GrantType::DeviceCode, u"authorization_code_with_pkce"_s},
            {OAuthProfile::GrantType::RefreshToken, u"authorization_code_with_pkce"_s},
        };
        out.append(param(u"grant_type"_s, grants.value(p->grantType)));
        auto add = [&](const QString& key, const QString& value) {
            if (!value.isEmpty()) {
                out.append(param(key, value));
            }
        };
        add(u"accessTokenUrl"_s, p->tokenUrl);
        add(u"authUrl"_s, p->authorizeUrl);
        add(u"clientId"_s, p->clientId);
        // Never the secret itself: a variable the Postman user fills in.
        const QString prefix = CurlExporter::shellName(name);
        add(u"clientSecret"_s, p->clientSecretRef.isEmpty() ? QString() : u"{{"_s + prefix + u"_client_secret}}"_s);
        add(u"scope"_s, p->scope);
        add(u"username"_s, p->username);
        add(u"password"_s, p->passwordRef.isEmpty() ? QString() : u"{{"_s + prefix + u"_password}}"_s);
        out.append(param(u"client_authentication"_s,
                         p->clientAuth == OAuthProfile::ClientAuth::Body ? u"body"_s : u"header"_s));
        for (const auto& [key, list] : {std::pair{u"authRequestParams"_s, &p->authorizeParams},
                                        std::pair{u"tokenRequestParams"_s, &p->tokenParams},
                                        std::pair{u"refreshRequestParams"_s, &p->refreshParams}}) {
            if (list->isEmpty()) {
                continue;
            }
            QJsonArray entries;
            for (const auto& [k, v] : *list) {
                entries.append(QJsonObject{{u"key"_s, k}, {u"value"_s, v}, {u"enabled"_s, true}});
            }
            out.append(QJsonObject{{u"key"_s, key}, {u"value"_s, entries}, {u"type"_s, u"any"_s}});
        }
        return out;
    }

    // Postman's own URL shape: Newman reads host, path and query, not raw.
    static QJsonObject url(const RequestSpec& r)
    {
        QString base = r.url;
        QList<KeyValueRow> query;
        const qsizetype question = base.indexOf(u'?');
        if (question >= 0) {
            for (const QString& pair : base.mid(question + 1).split(u'&', Qt::SkipEmptyParts)) {
                query << KeyValueRow{pair.section(u'=', 0, 0), pair.section(u'=', 1), true};
            }
            base = base.left(question);
        }
        query << r.queryParams;
        QStringList enabled;
        for (const KeyValueRow& row : query) {
            if (row.enabled) {
                enabled << row.name + u'=' + row.value;
            }
        }
        QJsonObject o{{u"raw"_s, enabled.isEmpty() ? base : base + u'?' + enabled.join(u'&')}};
        QString rest = base;
        const qsizetype scheme = rest.indexOf(u"://");
        if (scheme > 0 && !rest.left(scheme).contains(u"{{")) {
            o.insert(u"protocol"_s, rest.left(scheme));
            rest = rest.mid(scheme + 3);
        }
        const qsizetype slash = rest.indexOf(u'/');
        QString host = slash < 0 ? rest : rest.left(slash);
        const QString path = slash < 0 ? QString() : rest.mid(slash + 1);
        const qsizetype colon = host.lastIndexOf(u':');
        if (colon > 0 && !host.contains(u"{{") && !host.contains(u']', Qt::CaseSensitive)) {
            o.insert(u"port"_s, host.mid(colon + 1));
            host = host.left(colon);
        }
        QJsonArray hostParts;
        for (const QString& part : host.contains(u"{{") ? QStringList{host} : host.split(u'.')) {
            hostParts.append(part);
        }
        o.insert(u"host"_s, hostParts);
        if (slash >= 0) {
            QJsonArray pathParts;
            for (const QString& part : path.split(u'/')) {
                pathParts.append(part);
            }
            o.insert(u"path"_s, pathParts);
        }
        if (!query.isEmpty()) {
            o.insert(u"query"_s, rows(query, false));
        }
        return o;
    }

    QJsonObject request(const RequestSpec& r)
    {
        QList<KeyValueRow> headers = r.headers;
        const RequestBody& b = r.body;
        QJsonObject body;
        switch (b.kind) {
        case RequestBody::Kind::Raw:
            body = {{u"mode"_s, u"raw"_s},
                    {u"raw"_s, b.text},
                    {u"options"_s, QJsonObject{{u"raw"_s, QJsonObject{{u"language"_s, languageFor(b.contentType)}}}}}};
            break;
        case RequestBody::Kind::UrlEncoded:
            body = {{u"mode"_s, u"urlencoded"_s}, {u"urlencoded"_s, rows(b.formRows, true)}};
            break;
        case RequestBody::Kind::Multipart: {
            QJsonArray parts;
            for (const MultipartRow& part : b.parts) {
                QJsonObject o{{u"key"_s, part.name}};
                if (part.kind == MultipartRow::Kind::File) {
                    o.insert(u"type"_s, u"file"_s);
                    o.insert(u"src"_s, part.value);
                } else {
                    o.insert(u"type"_s, u"text"_s);
                    o.insert(u"value"_s, part.value);
                }
                if (!part.contentType.isEmpty()) {
                    o.insert(u"contentType"_s, part.contentType);
                }
                if (!part.enabled) {
                    o.insert(u"disabled"_s, true);
                }
                parts.append(o);
            }
            body = {{u"mode"_s, u"formdata"_s}, {u"formdata"_s, parts}};
            break;
        }
        case RequestBody::Kind::Binary:
            body = {{u"mode"_s, u"file"_s}, {u"file"_s, QJsonObject{{u"src"_s, b.filePath}}}};
            break;
        case RequestBody::Kind::None:
            break;
        }
        // Newman sends text/plain for a raw body without a header: the content type goes out as a header row.
        if ((b.kind == RequestBody::Kind::Raw || b.kind == RequestBody::Kind::Binary) && !b.contentType.isEmpty()) {
            headers << KeyValueRow{u"Content-Type"_s, b.contentType, true};
        }
        QJsonObject o{{u"method"_s, r.method}, {u"header"_s, rows(headers, true)}, {u"url"_s, url(r)}};
        if (!body.isEmpty()) {
            o.insert(u"body"_s, body);
        }
        if (r.auth.kind != AuthSpec::Kind::Inherit) {
            o.insert(u"auth"_s, auth(r.auth));
        }
        QJsonObject behaviour;
        if (r.options.maxRedirects == 0) {
            behaviour.insert(u"followRedirects"_s, false);
        }
        if (r.options.ignoreTlsErrors) {
            behaviour.insert(u"strictSSL"_s, false);
        }
        if (!behaviour.isEmpty()) {
            o.insert(u"protocolProfileBehavior"_s, behaviour);
        }
        return o;
    }

    const PostmanExporter::Options& m_options;
};

} // namespace

QJsonObject PostmanExporter::exportCollection(const Collection& collection, const Options& options)
{
    return Exporter(options).collection(collection);
}

QString PostmanExporter::accessTokenVariable(const QString& profile)
{
    return CurlExporter::shellName(profile) + u"_access_token"_s;
}

} // namespace tb
