#pragma once

#include "support/TestPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace tb::test {

// The Postman collections under tests/app/interop/data/postman.
inline QString postmanFile(const QString& name)
{
    return sourceDir() + QStringLiteral("/tests/app/interop/data/postman/") + name;
}

inline QByteArray readPostman(const QString& name)
{
    QFile file(postmanFile(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QStringList postmanCollections()
{
    return {QStringLiteral("bodies.postman_collection.json"), QStringLiteral("auth.postman_collection.json"),
            QStringLiteral("nested-api.postman_collection.json")};
}

// Every byte of every file under dir, to check that no secret reached a file.
inline QByteArray allFileBytes(const QString& dir)
{
    QByteArray bytes;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) {
            bytes += f.readAll();
        }
    }
    return bytes;
}

} // namespace tb::test
