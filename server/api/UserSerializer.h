#pragma once

#include "server/api/PyJson.h"
#include "server/store/Records.h"
#include "server/store/UserStore.h"

#include <optional>

namespace tb::server {

// DRF's ModelSerializer for django.contrib.auth's User (fields id, username, email, first_name, last_name,
// write-only password) with Django's validators and DRF's messages, collected per field in field order.
class UserSerializer
{
public:
    struct Validated
    {
        std::optional<QString> username;
        std::optional<QString> email;
        std::optional<QString> firstName;
        std::optional<QString> lastName;
        std::optional<QString> password;
    };
    struct Result
    {
        std::optional<Validated> data;
        QByteArray errorBody; // DRF's compact {"field":["message"]} when data is empty
    };

    // data: the parsed body (a dict, or anything else for DRF's "Expected a dictionary" error).
    // partial: PATCH, where nothing is required. exceptId: the user being updated (for uniqueness).
    static Result validate(const PyValue& data, bool partial, qint64 exceptId, UserStore& users);
    static void apply(const Validated& data, UserRecord& user);
    static QByteArray render(const UserRecord& user);
    static void render(const UserRecord& user, class JsonWriter& writer);
    static bool isValidEmail(const QString& email);
};

} // namespace tb::server
