#include "server/oauth/Pkce.h"

#include "server/crypto/TokenCrypto.h"

#include <QCryptographicHash>

namespace tb::server::Pkce {

QString s256Challenge(const QString& verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool verify(const QString& challenge, const QString& method, const QString& verifier)
{
    if (method == u"S256") {
        return constantTimeEquals(s256Challenge(verifier).toUtf8(), challenge.toUtf8());
    }
    if (method == u"plain" || method.isEmpty()) {
        return constantTimeEquals(verifier.toUtf8(), challenge.toUtf8());
    }
    return false;
}

} // namespace tb::server::Pkce
