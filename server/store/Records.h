#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tb::server {

struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    QByteArray passwordHash;
    bool active = true;
};

struct ClientRecord
{
    qint64 id = 0;
    QString clientId;
    QString name;
    QByteArray secretHash; // empty for public clients
    bool confidential = true;
    QStringList grantTypes; // "password", "client_credentials", "authorization_code", "refresh_token", ...
    QStringList redirectUris;
    bool resourceServer = false; // may introspect every client's tokens
};

// What access and refresh tokens share: the row, the client and user it was issued to, its scope and expiry.
struct TokenRecord
{
    qint64 id = 0;
    qint64 clientPk = 0;
    QString clientId;
    qint64 userId = 0; // 0: no user (client_credentials)
    QString username;
    QString scope;
    qint64 expires = 0; // for a refresh token, 0: never
};

struct AccessTokenRecord : TokenRecord
{
    qint64 refreshTokenId = 0;
};

struct RefreshTokenRecord : TokenRecord
{
    qint64 revoked = 0;       // 0: not revoked, else when
    qint64 accessTokenId = 0; // 0: its access token was revoked or rotated away
};

struct AuthorizationCodeRecord
{
    qint64 id = 0;
    qint64 clientPk = 0;
    qint64 userId = 0;
    QString redirectUri;
    QString scope;
    QString codeChallenge;
    QString codeChallengeMethod; // "", "plain" or "S256"
    QString nonce;
    QString claims;
    qint64 expires = 0;
    bool used = false;
};

} // namespace tb::server
