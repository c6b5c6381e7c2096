#include "server/api/UsersEndpoint.h"

#include "server/api/UserSerializer.h"
#include "server/crypto/TokenCrypto.h"
#include "server/http/FormData.h"
#include "server/http/JsonWriter.h"
#include "server/http/RequestUrl.h"

#include <algorithm>

namespace tb::server {

namespace {

const QByteArray kListAllow = QByteArrayLiteral("GET, POST, HEAD, OPTIONS");
const QByteArray kDetailAllow = QByteArrayLiteral("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
constexpr qint64 kPageSize = 20;
constexpr qsizetype kMaxCachedPages = 256;

const QByteArray kFieldActions = QByteArrayLiteral(
    "{\"id\":{\"type\":\"integer\",\"required\":false,\"read_only\":true,\"label\":\"ID\"},\"username\":{\"type\":"
    "\"string\",\"required\":true,\"read_only\":false,\"label\":\"Username\",\"help_text\":\"Required. 150 "
    "characters or fewer. Letters, digits and @/./+/-/_ only.\",\"max_length\":150},\"email\":{\"type\":\"email\","
    "\"required\":false,\"read_only\":false,\"label\":\"Email address\",\"max_length\":254},\"first_name\":{"
    "\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":\"First name\",\"max_length\":150},"
    "\"last_name\":{\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":\"Last name\","
    "\"max_length\":150},\"password\":{\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":"
    "\"Password\"}}");
const QByteArray kRendersParses =
    QByteArrayLiteral("\"renders\":[\"application/json\",\"text/html\"],\"parses\":[\"application/json\",\"application/"
                      "x-www-form-urlencoded\",\"multipart/form-data\"]");

HttpResponse drf(int status, const QByteArray& body, const QByteArray& allow, const QByteArray& wwwAuthenticate = {})
{
    HttpResponse response;
    response.status = status;
    if (status != 204) {
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    }
    if (!wwwAuthenticate.isEmpty()) {
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), wwwAuthenticate});
    }
    response.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept")});
    response.headers.append({QByteArrayLiteral("Allow"), allow});
    response.body = body;
    return response;
}

HttpResponse detail(int status, const QString& message, const QByteArray& allow)
{
    JsonWriter writer(JsonWriter::Style::Drf);
    writer.beginObject().field(u"detail", message).endObject();
    return drf(status, writer.take(), allow);
}

HttpResponse forbidden(const QByteArray& allow)
{
    return detail(403, QStringLiteral("You do not have permission to perform this action."), allow);
}

// DRF renders JSON, or its browsable API for text/html; we always render JSON for either.
bool acceptable(const QByteArray& accept)
{
    if (accept.trimmed().isEmpty()) {
        return true;
    }
    for (const QByteArray& range : accept.split(',')) {
        QByteArray type = range;
        const qsizetype semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type.truncate(semicolon);
        }
        type = type.trimmed().toLower();
        if (type == "*/*" || type == "application/*" || type == "application/json" || type == "text/*" ||
            type == "text/html") {
            return true;
        }
    }
    return false;
}

// Python's int() on a query string value: surrounding whitespace, a sign, digits with single underscores.
std::optional<qint64> pythonInt(const QString& raw)
{
    QString s = raw.trimmed();
    if (s.startsWith(u'+') || s.startsWith(u'-')) {
        if (s.size() > 1 && s[1] == u'_') {
            return std::nullopt;
        }
    }
    if (s.endsWith(u'_') || s.contains(QStringLiteral("__"))) {
        return std::nullopt;
    }
    s.remove(u'_');
    bool ok = false;
    const qint64 value = s.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

// DRF's replace_query_param / remove_query_param: parse_qs, set or drop "page", urlencode sorted by name.
QString pageLink(const HttpRequest& request, std::optional<qint64> page)
{
    const FormData query = FormData::parse(request.query);
    QList<QString> names;
    for (const auto& pair : query.pairs()) {
        if (pair.first != u"page" && !names.contains(pair.first)) {
            names.append(pair.first);
        }
    }
    if (page) {
        names.append(QStringLiteral("page"));
    }
    std::sort(names.begin(), names.end());
    QList<std::pair<QString, QString>> pairs;
    for (const QString& name : std::as_const(names)) {
        if (name == u"page") {
            pairs.append({name, QString::number(*page)});
            continue;
        }
        for (const auto& pair : query.pairs()) {
            if (pair.first == name) {
                pairs.append(pair);
            }
        }
    }
    const QByteArray encoded = FormData::encode(pairs);
    return RequestUrl::origin(request) + QString::fromLatin1(request.path) +
           (encoded.isEmpty() ? QString() : u'?' + QString::fromLatin1(encoded));
}

} // namespace

std::optional<HttpResponse> UsersEndpoint::admit(const HttpRequest& request, const QByteArray& allow) const
{
    if (!acceptable(request.header("accept"))) {
        return detail(406, QStringLiteral("Could not satisfy the request Accept header."), allow);
    }
    const BearerAuthenticator::Result auth = m_auth.authenticate(request);
    QByteArray challenge = QByteArrayLiteral("Bearer realm=\"api\"");
    switch (auth.outcome) {
    case BearerAuthenticator::Outcome::Invalid:
        challenge += ",error=\"invalid_token\",error_description=\"The access token is invalid.\"";
        break;
    case BearerAuthenticator::Outcome::Expired:
        challenge += ",error=\"invalid_token\",error_description=\"The access token has expired.\"";
        break;
    case BearerAuthenticator::Outcome::NoCredentials:
    case BearerAuthenticator::Outcome::Authenticated:
        break;
    }
    if (auth.outcome != BearerAuthenticator::Outcome::Authenticated) {
        HttpResponse response = detail(401, QStringLiteral("Authentication credentials were not provided."), allow);
        response.headers.insert(1, {QByteArrayLiteral("WWW-Authenticate"), challenge});
        return response;
    }
    if (auth.token.userId == 0) {
        return forbidden(allow);
    }
    if (m_context.config.enforceScopes) {
        const bool safe = request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS";
        const QStringList scopes = auth.token.scope.split(u' ', Qt::SkipEmptyParts);
        if (!scopes.contains(safe ? QStringLiteral("read") : QStringLiteral("write"))) {
            return forbidden(allow);
        }
    }
    return std::nullopt;
}

std::variant<PyValue, HttpResponse> UsersEndpoint::parseBody(const HttpRequest& request, const QByteArray& allow) const
{
    PyValue empty;
    empty.type = PyValue::Type::Dict;
    if (request.body.isEmpty()) {
        return empty;
    }
    const QByteArray type = request.mediaType();
    if (type == "application/json") {
        PyJson::Result parsed = PyJson::parse(request.body);
        if (!parsed.value) {
            return detail(400, QStringLiteral("JSON parse error - ") + parsed.error, allow);
        }
        return *parsed.value;
    }
    if (type == "application/x-www-form-urlencoded" || type == "multipart/form-data") {
        PyValue dict = empty;
        const FormData form = FormData::fromRequestBody(request);
        for (const auto& [name, value] : form.pairs()) {
            PyValue text;
            text.type = PyValue::Type::String;
            text.text = value;
            auto it = std::find_if(dict.members.begin(), dict.members.end(),
                                   [&name](const auto& member) { return member.first == name; });
            if (it != dict.members.end()) {
                it->second = text; // QueryDict.get: the last value wins
            } else {
                dict.members.append({name, text});
            }
        }
        return dict;
    }
    return detail(415,
                  QStringLiteral("Unsupported media type \"%1\" in request.")
                      .arg(QString::fromUtf8(request.header("content-type"))),
                  allow);
}

void UsersEndpoint::handleList(const HttpRequest& request, Responder respond)
{
    if (auto refusal = admit(request, kListAllow)) {
        respond(std::move(*refusal));
        return;
    }
    if (request.method == "GET" || request.method == "HEAD") {
        respond(list(request, kListAllow));
    } else if (request.method == "POST") {
        create(request, kListAllow, std::move(respond));
    } else if (request.method == "OPTIONS") {
        respond(drf(200,
                    "{\"name\":\"User List Create\",\"description\":\"create:\\n    add users\\nget:\\n    Search or "
                    "get users\\n    You can search using:\\n        :param email\\n        :param username\"," +
                        kRendersParses + ",\"actions\":{\"POST\":" + kFieldActions + "}}",
                    kListAllow));
    } else {
        respond(detail(405, QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method)),
                       kListAllow));
    }
}

HttpResponse UsersEndpoint::list(const HttpRequest& request, const QByteArray& allow)
{
    UserStore& users = m_context.store.users();
    const std::pair<quint64, quint64> version = users.version();
    if (version != m_pagesVersion) {
        m_pages.clear();
        m_pagesVersion = version;
    }
    const QByteArray cacheKey = RequestUrl::origin(request).toUtf8() + request.path + '?' + request.query;
    if (const auto hit = m_pages.constFind(cacheKey); hit != m_pages.constEnd()) {
        return drf(200, *hit, allow);
    }
    const FormData query = FormData::parse(request.query);
    const QString username = query.value(u"username");
    const QString email = query.value(u"email");
    const qint64 count = users.count(username, email);
    const qint64 pages = std::max<qint64>(1, (count + kPageSize - 1) / kPageSize);
    std::optional<qint64> page = 1;
    if (query.contains(u"page")) {
        const QString raw = query.value(u"page");
        page = raw == u"last" ? std::optional<qint64>(pages) : pythonInt(raw);
    }
    if (!page || *page < 1 || *page > pages) {
        return detail(404, QStringLiteral("Invalid page."), allow);
    }
    JsonWriter writer(JsonWriter::Style::Drf);
    writer.beginObject().field(u"count", count).key(u"next");
    if (*page < pages) {
        writer.value(pageLink(request, *page + 1));
    } else {
        writer.null();
    }
    writer.key(u"previous");
    if (*page > 1) {
        writer.value(pageLink(request, *page == 2 ? std::nullopt : std::optional<qint64>(*page - 1)));
    } else {
        writer.null();
    }
    writer.key(u"results").beginArray();
    for (const UserRecord& user : users.list(username, email, (*page - 1) * kPageSize, kPageSize)) {
        UserSerializer::render(user, writer);
    }
    writer.endArray().endObject();
    QByteArray body = writer.take();
    if (m_pages.size() >= kMaxCachedPages) {
        m_pages.clear();
    }
    m_pages.insert(cacheKey, body);
    return drf(200, std::move(body), allow);
}

void UsersEndpoint::create(const HttpRequest& request, const QByteArray& allow, Responder respond)
{
    auto body = parseBody(request, allow);
    if (auto* refusal = std::get_if<HttpResponse>(&body)) {
        respond(std::move(*refusal));
        return;
    }
    const UserSerializer::Result result =
        UserSerializer::validate(std::get<PyValue>(body), false, 0, m_context.store.users());
    if (!result.data) {
        respond(drf(400, result.errorBody, allow));
        return;
    }
    const UserSerializer::Validated data = *result.data;
    auto finish = [this, data, allow, respond](const QByteArray& passwordHash) {
        UserRecord user;
        UserSerializer::apply(data, user);
        user.passwordHash = passwordHash;
        user.id = m_context.store.users().insert(user, m_context.now());
        if (user.id == 0) {
            // The username was taken while the password was being hashed.
            respond(drf(400, "{\"username\":[\"A user with that username already exists.\"]}", allow));
            return;
        }
        respond(drf(201, UserSerializer::render(user), allow));
    };
    if (data.password) {
        m_context.verifier.hash(data.password->toUtf8(), m_context.config.passwordIterations, finish);
    } else {
        finish("!" + generateToken(40)); // Django's unusable password
    }
}

void UsersEndpoint::handleDetail(const HttpRequest& request, qint64 id, Responder respond)
{
    if (auto refusal = admit(request, kDetailAllow)) {
        respond(std::move(*refusal));
        return;
    }
    const QByteArray& method = request.method;
    if (method == "OPTIONS") {
        QByteArray body = "{\"name\":\"User Detail\",\"description\":\"get: a user\\nput/patch: update a "
                          "user\\ndelete: remove a user\"," +
                          kRendersParses;
        if (m_context.store.users().byId(id)) {
            body += ",\"actions\":{\"PUT\":" + kFieldActions + "}";
        }
        respond(drf(200, body + "}", kDetailAllow));
        return;
    }
    if (method != "GET" && method != "HEAD" && method != "PUT" && method != "PATCH" && method != "DELETE") {
        respond(
            detail(405, QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(method)), kDetailAllow));
        return;
    }
    const auto user = m_context.store.users().byId(id);
    if (!user) {
        respond(detail(404, QStringLiteral("Not found."), kDetailAllow));
        return;
    }
    if (method == "GET" || method == "HEAD") {
        respond(drf(200, UserSerializer::render(*user), kDetailAllow));
    } else if (method == "DELETE") {
        m_context.store.users().remove(id);
        respond(drf(204, {}, kDetailAllow));
    } else {
        update(request, id, method == "PATCH", kDetailAllow, std::move(respond));
    }
}

void UsersEndpoint::update(const HttpRequest& request, qint64 id, bool partial, const QByteArray& allow,
                           Responder respond)
{
    auto body = parseBody(request, allow);
    if (auto* refusal = std::get_if<HttpResponse>(&body)) {
        respond(std::move(*refusal));
        return;
    }
    const UserSerializer::Result result =
        UserSerializer::validate(std::get<PyValue>(body), partial, id, m_context.store.users());
    if (!result.data) {
        respond(drf(400, result.errorBody, allow));
        return;
    }
    const UserSerializer::Validated data = *result.data;
    auto finish = [this, id, data, allow, respond](const QByteArray& passwordHash) {
        auto user = m_context.store.users().byId(id);
        if (!user) {
            respond(detail(404, QStringLiteral("Not found."), allow));
            return;
        }
        UserSerializer::apply(data, *user);
        if (!passwordHash.isEmpty()) {
            user->passwordHash = passwordHash;
        }
        if (!m_context.store.users().update(*user)) {
            respond(drf(400, "{\"username\":[\"A user with that username already exists.\"]}", allow));
            return;
        }
        respond(drf(200, UserSerializer::render(*user), allow));
    };
    if (data.password) {
        m_context.verifier.hash(data.password->toUtf8(), m_context.config.passwordIterations, finish);
    } else {
        finish({});
    }
}

} // namespace tb::server
