#include "workspace/SecretExtractor.h"

#include "http/Redactor.h"
#include "workspace/Slug.h"

#include <QHash>
#include <QSet>

namespace tb {

namespace {

bool isLiteralSecret(const QString& value)
{
    return !value.isEmpty() && !value.contains(u"{{");
}

QString variableName(const QString& hint)
{
    QString name = Slug::fromName(hint, QStringLiteral("secret"));
    name.replace(u'-', u'_');
    return name;
}

class Extraction
{
public:
    explicit Extraction(Collection& collection) : m_collection(collection)
    {
        for (Variable& v : collection.variables) {
            m_taken.insert(v.key);
            if (v.secret && !v.value.isEmpty()) {
                m_byValue.insert(v.value, v.key);
            }
        }
    }

    // Replaces value by {{variable}}, reusing the variable that already holds the same secret.
    void move(QString& value, const QString& hint)
    {
        if (!isLiteralSecret(value)) {
            return;
        }
        QString key = m_byValue.value(value);
        if (key.isEmpty()) {
            key = variableName(hint);
            for (int n = 2; m_taken.contains(key); ++n) {
                key = QStringLiteral("%1_%2").arg(variableName(hint)).arg(n);
            }
            m_taken.insert(key);
            m_byValue.insert(value, key);
            Variable v;
            v.key = key;
            v.value = value;
            v.secret = true;
            m_collection.variables << v;
        }
        value = QStringLiteral("{{%1}}").arg(key);
        ++m_moved;
    }

    void auth(AuthSpec& auth)
    {
        switch (auth.kind) {
        case AuthSpec::Kind::Bearer:
            move(auth.token, QStringLiteral("bearer_token"));
            break;
        case AuthSpec::Kind::Basic:
            move(auth.password, auth.username.isEmpty() || auth.username.contains(u"{{")
                                    ? QStringLiteral("basic_password")
                                    : auth.username + QStringLiteral("_password"));
            break;
        case AuthSpec::Kind::ApiKey:
            move(auth.apiKeyValue, auth.apiKeyName.isEmpty() ? QStringLiteral("api_key") : auth.apiKeyName);
            break;
        default:
            break;
        }
    }

    void rows(QList<KeyValueRow>& rows)
    {
        for (KeyValueRow& row : rows) {
            if (SecretExtractor::isSensitiveName(row.name)) {
                move(row.value, row.name);
            }
        }
    }

    void items(std::vector<CollectionItem>& items)
    {
        for (CollectionItem& item : items) {
            if (item.isFolder()) {
                auth(item.auth);
                m_moved += SecretExtractor::markSensitiveVariables(item.variables);
                this->items(item.children);
                continue;
            }
            RequestSpec& r = item.request;
            auth(r.auth);
            rows(r.headers);
            rows(r.queryParams);
            rows(r.body.formRows);
            for (MultipartRow& part : r.body.parts) {
                if (part.kind == MultipartRow::Kind::Text && SecretExtractor::isSensitiveName(part.name)) {
                    move(part.value, part.name);
                }
            }
        }
    }

    int moved() const { return m_moved; }

private:
    Collection& m_collection;
    QSet<QString> m_taken;
    QHash<QString, QString> m_byValue;
    int m_moved = 0;
};

} // namespace

bool SecretExtractor::isSensitiveName(QStringView name)
{
    return Redactor::isSensitiveName(name.trimmed());
}

int SecretExtractor::markSensitiveVariables(VariableList& variables)
{
    int moved = 0;
    for (Variable& v : variables) {
        if (!v.secret && isSensitiveName(v.key) && isLiteralSecret(v.value)) {
            v.secret = true;
            ++moved;
        }
    }
    return moved;
}

int SecretExtractor::extract(Collection& collection)
{
    int moved = markSensitiveVariables(collection.variables);
    Extraction extraction(collection);
    extraction.auth(collection.auth);
    extraction.items(collection.items);
    return moved + extraction.moved();
}

} // namespace tb
