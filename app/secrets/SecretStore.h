#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace tb {

// The outcome of one SecretStore operation. `value` is set only by a successful read.
struct SecretResult
{
    enum class Status
    {
        Ok,
        NotFound,
        Error
    };

    Status status = Status::Ok;
    QByteArray value;
    QString error; // for people: what happened and what to do

    bool ok() const { return status == Status::Ok; }
    bool notFound() const { return status == Status::NotFound; }

    static SecretResult success(QByteArray value = {}) { return {Status::Ok, std::move(value), {}}; }
    static SecretResult missing(const QString& key)
    {
        return {Status::NotFound, {}, QStringLiteral("no secret stored under \"%1\"").arg(key)};
    }
    static SecretResult failure(QString message) { return {Status::Error, {}, std::move(message)}; }
};

// The only place a secret (client secret, password, access/refresh token) lives. Asynchronous: every call returns at
// once and reports through its callback, always later from the event loop (never from inside the call), on
// `context`'s thread, and not at all once `context` is destroyed. `context` may be null (no guard).
//
// Keys are opaque strings; build them with keyFor() so they are namespaced by workspace and profile.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Kind
    {
        Memory,
        Keychain,
        Vault
    };
    using Callback = std::function<void(const SecretResult&)>;

    explicit SecretStore(QObject* parent = nullptr) : QObject(parent) {}
    ~SecretStore() override = default;

    virtual Kind kind() const = 0;
    // Where the secrets go, for `secrets status` and the status bar ("GNOME Keyring (Secret Service)", a path).
    virtual QString description() const = 0;

    virtual void read(const QString& key, QObject* context, Callback done) = 0;
    virtual void write(const QString& key, const QByteArray& value, QObject* context, Callback done) = 0;
    // Removing a key that does not exist succeeds.
    virtual void remove(const QString& key, QObject* context, Callback done) = 0;

    // "<workspace>/<profile>/<item>", each part percent-encoded so a '/' inside a part cannot collide.
    static QString keyFor(const QString& workspaceId, const QString& profile, const QString& item);
    static QString kindName(Kind kind);

protected:
    // Calls `done(result)` from the event loop, honouring the `context` guard.
    void deliver(QObject* context, Callback done, SecretResult result);
};

} // namespace tb
