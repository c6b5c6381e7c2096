#include "http/VariableResolver.h"

namespace tb {

namespace {

constexpr int kMaxDepth = 32;

// One {{...}} found at `start` in text; `end` is one past the closing braces.
struct Placeholder
{
    qsizetype start = -1;
    qsizetype end = -1;
    QString name;
};

// Scans text from `from`: copies literal text (unescaping \{{) into `literal` and returns the next placeholder.
Placeholder nextPlaceholder(QStringView text, qsizetype from, QString& literal)
{
    qsizetype i = from;
    while (i < text.size()) {
        if (text.mid(i).startsWith(u"\\{{")) {
            literal += u"{{";
            i += 3;
            continue;
        }
        if (text.mid(i).startsWith(u"{{")) {
            const qsizetype close = text.indexOf(u"}}", i + 2);
            if (close < 0) {
                literal += text.mid(i); // no closing braces: literal text
                return {};
            }
            return {i, close + 2, text.mid(i + 2, close - i - 2).trimmed().toString()};
        }
        literal += text[i];
        ++i;
    }
    return {};
}

} // namespace

QString VariableError::message() const
{
    if (cycle) {
        return QStringLiteral("variable '%1' refers to itself (in %2)").arg(variable, where);
    }
    if (variable.isEmpty()) {
        return QStringLiteral("empty variable name {{}} in %1").arg(where);
    }
    return QStringLiteral("unknown variable '%1' in %2").arg(variable, where);
}

void VariableResolver::setLayer(const QString& name, const QHash<QString, QString>& values)
{
    for (Layer& layer : m_layers) {
        if (layer.name == name) {
            layer.values = values;
            return;
        }
    }
    m_layers.append({name, values});
}

QStringList VariableResolver::layerNames() const
{
    QStringList names;
    for (const Layer& layer : m_layers) {
        names << layer.name;
    }
    return names;
}

std::optional<QString> VariableResolver::rawValue(const QString& name, QString* layerName) const
{
    for (auto it = m_layers.crbegin(); it != m_layers.crend(); ++it) {
        const auto found = it->values.constFind(name);
        if (found != it->values.cend()) {
            if (layerName) {
                *layerName = it->name;
            }
            return *found;
        }
    }
    return std::nullopt;
}

bool VariableResolver::resolveInto(QStringView text, const QString& where, QStringList& chain, QString& out,
                                   std::optional<VariableError>& error) const
{
    qsizetype pos = 0;
    while (true) {
        const Placeholder p = nextPlaceholder(text, pos, out);
        if (p.start < 0) {
            return true;
        }
        if (p.name.isEmpty()) {
            error = VariableError{p.name, where, false};
            return false;
        }
        if (chain.contains(p.name) || chain.size() >= kMaxDepth) {
            error = VariableError{p.name, where, true};
            return false;
        }
        const std::optional<QString> value = rawValue(p.name);
        if (!value) {
            error = VariableError{p.name, where, false};
            return false;
        }
        chain.append(p.name);
        const QString nestedWhere = QStringLiteral("the value of variable '%1' (used in %2)").arg(p.name, where);
        // A nested unknown variable names the outer place, so the user can find where it came from.
        if (!resolveInto(*value, chain.size() == 1 ? nestedWhere : where, chain, out, error)) {
            return false;
        }
        chain.removeLast();
        pos = p.end;
    }
}

VariableResolver::Result VariableResolver::resolve(QStringView text, const QString& where) const
{
    Result result;
    QStringList chain;
    if (!resolveInto(text, where, chain, result.text, result.error)) {
        result.text.clear();
    }
    return result;
}

VariableResolver::RequestResult VariableResolver::resolve(const RequestSpec& request) const
{
    RequestResult result{request, std::nullopt};
    RequestSpec& r = result.request;
    // Resolves one field in place; after the first error the rest are skipped.
    const auto field = [&](QString& value, const QString& where) {
        if (result.error) {
            return;
        }
        Result resolved = resolve(value, where);
        if (resolved.error) {
            result.error = resolved.error;
        } else {
            value = resolved.text;
        }
    };
    const auto rows = [&](QList<KeyValueRow>& list, const QString& kind) {
        for (KeyValueRow& row : list) {
            if (row.enabled) {
                field(row.name, QStringLiteral("%1 name '%2'").arg(kind, row.name));
                field(row.value, QStringLiteral("%1 '%2'").arg(kind, row.name));
            }
        }
    };

    field(r.method, QStringLiteral("method"));
    field(r.url, QStringLiteral("URL"));
    rows(r.queryParams, QStringLiteral("query parameter"));
    rows(r.headers, QStringLiteral("header"));
    field(r.body.text, QStringLiteral("body"));
    field(r.body.contentType, QStringLiteral("body content type"));
    field(r.body.filePath, QStringLiteral("body file path"));
    rows(r.body.formRows, QStringLiteral("form field"));
    for (MultipartRow& part : r.body.parts) {
        if (part.enabled) {
            field(part.name, QStringLiteral("multipart field name '%1'").arg(part.name));
            field(part.value, QStringLiteral("multipart field '%1'").arg(part.name));
            field(part.contentType, QStringLiteral("content type of multipart field '%1'").arg(part.name));
        }
    }
    field(r.auth.token, QStringLiteral("auth token"));
    field(r.auth.username, QStringLiteral("auth username"));
    field(r.auth.password, QStringLiteral("auth password"));
    field(r.auth.apiKeyName, QStringLiteral("API key name"));
    field(r.auth.apiKeyValue, QStringLiteral("API key value"));
    field(r.auth.oauthProfile, QStringLiteral("OAuth profile name"));
    field(r.options.proxy.url, QStringLiteral("proxy URL"));
    if (result.error) {
        result.request = request;
    }
    return result;
}

QStringList VariableResolver::variablesIn(QStringView text)
{
    QStringList names;
    QString literal;
    qsizetype pos = 0;
    while (true) {
        const Placeholder p = nextPlaceholder(text, pos, literal);
        if (p.start < 0) {
            return names;
        }
        if (!names.contains(p.name)) {
            names << p.name;
        }
        pos = p.end;
    }
}

} // namespace tb
