#pragma once

#include "support/FileScan.h"
#include "support/TestPaths.h"

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

} // namespace tb::test
