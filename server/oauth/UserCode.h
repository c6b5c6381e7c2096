#pragma once

#include <QByteArray>
#include <QString>

namespace tb::server {

// RFC 8628 section 6.1 user codes: 8 characters from 20 consonants (no vowels, so no words; no digits to confuse
// with letters), about 34 bits, shown as XXXX-XXXX. Input is matched case-insensitively and without dashes
// or spaces.
namespace UserCode {

QString generate();
// The canonical form ("BCDFGHJK"), or an empty string when 'input' cannot be a user code.
QByteArray normalize(const QString& input);
// "BCDF-GHJK" from a canonical code.
QString display(const QByteArray& canonical);

} // namespace UserCode

} // namespace tb::server
