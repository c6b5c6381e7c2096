#pragma once

#include "workspace/Variable.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tb {
class SecretStore;
}

namespace tb::cli {

// Puts a list of secrets into the SecretStore the CLI selects (keychain, else the vault), one after the other,
// then calls done with an error message (empty on success). Also reads a list of keys back, for --reveal.
class SecretWriter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretWriter)

public:
    explicit SecretWriter(QObject* parent = nullptr);
    ~SecretWriter() override;

    void write(const QList<SecretWrite>& secrets, std::function<void(const QString& error)> done);
    void read(const QStringList& keys,
              std::function<void(const QHash<QString, QString>& values, const QString& error)> done);

private:
    void withStore(std::function<void(const QString& error)> then);
    void writeNext(QList<SecretWrite> rest, std::function<void(const QString&)> done);
    void readNext(QStringList rest, QHash<QString, QString> values,
                  std::function<void(const QHash<QString, QString>&, const QString&)> done);

    std::unique_ptr<SecretStore> m_store;
};

} // namespace tb::cli
