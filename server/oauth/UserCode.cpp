#include "server/oauth/UserCode.h"

#include <openssl/rand.h>

#include <stdexcept>

namespace tb::server::UserCode {

namespace {

constexpr QByteArrayView kAlphabet = "BCDFGHJKLMNPQRSTVWXZ";
constexpr qsizetype kLength = 8;

} // namespace

QString generate()
{
    QByteArray code;
    unsigned char buffer[32];
    while (code.size() < kLength) {
        if (RAND_bytes(buffer, sizeof buffer) != 1) {
            throw std::runtime_error("OpenSSL RAND_bytes failed");
        }
        for (unsigned char b : buffer) {
            // 240 = 12 * 20: larger bytes are dropped so every letter is equally likely.
            if (b < 240 && code.size() < kLength) {
                code.append(kAlphabet[b % kAlphabet.size()]);
            }
        }
    }
    return display(code);
}

QByteArray normalize(const QString& input)
{
    QByteArray code;
    for (QChar c : input) {
        if (c == u'-' || c.isSpace()) {
            continue;
        }
        const char upper = c.toUpper().toLatin1();
        if (!kAlphabet.contains(upper) || upper == 0) {
            return {};
        }
        code.append(upper);
    }
    return code.size() == kLength ? code : QByteArray();
}

QString display(const QByteArray& canonical)
{
    return QString::fromLatin1(canonical.left(4) + '-' + canonical.mid(4));
}

} // namespace tb::server::UserCode
