#pragma once

#include <QString>

namespace tb {

// Why a token operation failed, with everything the user needs to act on it: the RFC 6749 5.2 error triple as the
// server sent it, the HTTP status, or a transport/protocol problem when there was no OAuth answer.
struct OAuthError
{
    enum class Kind
    {
        OAuth,     // the server answered with an RFC 6749 error object (error, error_description, error_uri)
        Http,      // the server answered with an HTTP error but no OAuth error object
        Network,   // no answer: connection refused, DNS, TLS, timeout
        Protocol,  // an answer that is not a valid token response (not JSON, no access_token...)
        Config,    // the profile cannot run (missing URL, secret not found...)
        Cancelled, // the user or the program stopped the flow
        Timeout,   // the person did not finish in time (authorization code, device code)
    };

    Kind kind = Kind::OAuth;
    QString error;       // "invalid_grant"
    QString description; // error_description, or our own explanation
    QString uri;         // error_uri
    int httpStatus = 0;  // 0 when there was no HTTP answer

    // One line for people: "invalid_grant: Invalid credentials given. (HTTP 400)".
    QString message() const;
    bool isInvalidGrant() const { return kind == Kind::OAuth && error == u"invalid_grant"; }

    static OAuthError make(Kind kind, QString error, QString description, int httpStatus = 0)
    {
        return OAuthError{kind, std::move(error), std::move(description), {}, httpStatus};
    }

    friend bool operator==(const OAuthError&, const OAuthError&) = default;
};

} // namespace tb
