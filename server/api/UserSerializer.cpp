#include "server/api/UserSerializer.h"

#include "server/http/JsonWriter.h"

#include <QRegularExpression>
#include <QUrl>

namespace tb::server {

namespace {

struct FieldSpec
{
    const char16_t* name;
    bool required;
    bool allowBlank;
    int maxLength; // 0: none
};

const FieldSpec kFields[] = {
    {u"username", true, false, 150},  {u"email", false, true, 254},   {u"first_name", false, true, 150},
    {u"last_name", false, true, 150}, {u"password", false, false, 0},
};

// Python's str.strip() whitespace, which DRF's trim_whitespace uses.
QString pyStrip(const QString& s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && s[begin].isSpace()) {
        ++begin;
    }
    while (end > begin && s[end - 1].isSpace()) {
        --end;
    }
    return s.mid(begin, end - begin);
}

bool isValidUsername(const QString& username)
{
    static const QRegularExpression pattern(QStringLiteral("^[\\w.@+-]+\\z"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(username).hasMatch();
}

} // namespace

bool UserSerializer::isValidEmail(const QString& value)
{
    // Django's EmailValidator: user part, then a domain with a TLD, "localhost", or an IP literal.
    static const QRegularExpression userPart(
        QStringLiteral("(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\\z"
                       "|^\"([\\x{01}-\\x{08}\\x{0b}\\x{0c}\\x{0e}-\\x{1f}!#-\\[\\]-\\x{7f}]|\\\\[\\x{01}-\\x{09}"
                       "\\x{0b}\\x{0c}\\x{0e}-\\x{7f}])*\"\\z)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression domainPart(
        QStringLiteral("^((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\\z"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression literal(QStringLiteral("^\\[([A-f0-9:.]+)\\]\\z"),
                                            QRegularExpression::CaseInsensitiveOption);
    const qsizetype at = value.lastIndexOf(u'@');
    if (value.isEmpty() || at < 0) {
        return false;
    }
    const QString user = value.left(at);
    const QString domain = value.mid(at + 1);
    if (!userPart.match(user).hasMatch()) {
        return false;
    }
    if (domain == u"localhost" || domainPart.match(domain).hasMatch() || literal.match(domain).hasMatch()) {
        return true;
    }
    const QByteArray ace = QUrl::toAce(domain);
    return !ace.isEmpty() && domainPart.match(QString::fromLatin1(ace)).hasMatch();
}

UserSerializer::Result UserSerializer::validate(const PyValue& data, bool partial, qint64 exceptId, UserStore& users)
{
    const auto nonField = [](const QString& message) {
        JsonWriter writer(JsonWriter::Style::Drf);
        writer.beginObject().key(u"non_field_errors").beginArray().value(message).endArray().endObject();
        return Result{std::nullopt, writer.take()};
    };
    if (data.type == PyValue::Type::Null) {
        return nonField(QStringLiteral("No data provided"));
    }
    if (data.type != PyValue::Type::Dict) {
        return nonField(QStringLiteral("Invalid data. Expected a dictionary, but got %1.").arg(data.typeName()));
    }

    Validated validated;
    JsonWriter errors(JsonWriter::Style::Drf);
    errors.beginObject();
    bool failed = false;
    for (const FieldSpec& spec : kFields) {
        const QString name = QString::fromUtf16(spec.name);
        const PyValue* value = data.member(name);
        QStringList messages;
        QString text;
        if (!value) {
            if (spec.required && !partial) {
                messages << QStringLiteral("This field is required.");
            } else {
                continue;
            }
        } else if (value->type == PyValue::Type::String && pyStrip(value->text).isEmpty()) {
            if (!spec.allowBlank) {
                messages << QStringLiteral("This field may not be blank.");
            }
        } else if (value->type == PyValue::Type::Null) {
            messages << QStringLiteral("This field may not be null.");
        } else if (value->type != PyValue::Type::String && value->type != PyValue::Type::Int &&
                   value->type != PyValue::Type::Float) {
            messages << QStringLiteral("Not a valid string.");
        } else {
            text = pyStrip(value->text);
            if (name == u"username") {
                if (!isValidUsername(text)) {
                    messages << QStringLiteral("Enter a valid username. This value may contain only letters, "
                                               "numbers, and @/./+/-/_ characters.");
                }
                if (users.usernameTaken(text, exceptId)) {
                    messages << QStringLiteral("A user with that username already exists.");
                }
            }
            if (spec.maxLength > 0 && text.size() > spec.maxLength) {
                messages << QStringLiteral("Ensure this field has no more than %1 characters.").arg(spec.maxLength);
            }
            if (text.contains(QChar(0))) {
                messages << QStringLiteral("Null characters are not allowed.");
            }
            if (name == u"email" && !isValidEmail(text)) {
                messages << QStringLiteral("Enter a valid email address.");
            }
        }
        if (!messages.isEmpty()) {
            failed = true;
            errors.key(name).beginArray();
            for (const QString& message : std::as_const(messages)) {
                errors.value(message);
            }
            errors.endArray();
            continue;
        }
        if (name == u"username") {
            validated.username = text;
        } else if (name == u"email") {
            validated.email = text;
        } else if (name == u"first_name") {
            validated.firstName = text;
        } else if (name == u"last_name") {
            validated.lastName = text;
        } else {
            validated.password = text;
        }
    }
    errors.endObject();
    if (failed) {
        return {std::nullopt, errors.take()};
    }
    return {validated, {}};
}

void UserSerializer::apply(const Validated& data, UserRecord& user)
{
    if (data.username) {
        user.username = *data.username;
    }
    if (data.email) {
        user.email = *data.email;
    }
    if (data.firstName) {
        user.firstName = *data.firstName;
    }
    if (data.lastName) {
        user.lastName = *data.lastName;
    }
}

void UserSerializer::render(const UserRecord& user, JsonWriter& writer)
{
    writer.beginObject()
        .field(u"id", user.id)
        .field(u"username", user.username)
        .field(u"email", user.email)
        .field(u"first_name", user.firstName)
        .field(u"last_name", user.lastName)
        .endObject();
}

QByteArray UserSerializer::render(const UserRecord& user)
{
    JsonWriter writer(JsonWriter::Style::Drf);
    render(user, writer);
    return writer.take();
}

} // namespace tb::server
