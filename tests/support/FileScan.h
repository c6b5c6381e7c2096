#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QString>

namespace tb::test {

// Every byte of every file under dir (hidden ones too), to prove that a secret never reached a file.
inline QByteArray allFileBytes(const QString& dir)
{
    QByteArray bytes;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) {
            bytes += f.readAll();
        }
    }
    return bytes;
}

} // namespace tb::test
