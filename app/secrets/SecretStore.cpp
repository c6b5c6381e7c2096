#include "secrets/SecretStore.h"

#include <QPointer>
#include <QUrl>

namespace tb {

QString SecretStore::keyFor(const QString& workspaceId, const QString& profile, const QString& item)
{
    auto part = [](const QString& s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    return part(workspaceId) + QLatin1Char('/') + part(profile) + QLatin1Char('/') + part(item);
}

QString SecretStore::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Memory:
        return QStringLiteral("memory");
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::Vault:
        return QStringLiteral("vault");
    }
    return {};
}

void SecretStore::deliver(QObject* context, Callback done, SecretResult result)
{
    if (!done)
        return;
    const bool guarded = context != nullptr;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        guarded ? context : this,
        [guarded, guard, done = std::move(done), result = std::move(result)] {
            if (guarded && !guard)
                return;
            done(result);
        },
        Qt::QueuedConnection);
}

} // namespace tb
