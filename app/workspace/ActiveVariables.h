#pragma once

#include "http/VariableResolver.h"
#include "workspace/Environment.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

namespace tb {

class SecretStore;

// The variables the app's requests see, lowest first: globals (e.g. the local server's URL), the active environment,
// then overrides (e.g. the demo workspace's base_url pointed at the in-process server). Secret values are read from
// the SecretStore asynchronously and kept by reference, for the environment's layer, for the collection and folder
// layers of saved requests (RequestContext) and for redaction; changed() follows every change of the layers.
class ActiveVariables : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActiveVariables)

public:
    // store must outlive this object.
    explicit ActiveVariables(SecretStore* store, QObject* parent = nullptr);

    // The environment in effect (a copy); none when empty. Its secret values not read yet are read, each arrival
    // rebuilding the layers.
    void setEnvironment(const std::optional<Environment>& environment);
    void setGlobal(const QString& name, const QString& value);
    void removeGlobal(const QString& name);
    // The top layer, named after what sets it (the resolver names it in tooltips); one such layer.
    void setOverrides(const QString& layer, const QHash<QString, QString>& values);

    VariableResolver& resolver() { return m_resolver; }
    const VariableResolver& resolver() const { return m_resolver; }
    // The environment's secret variables (enabled ones), by name.
    const QSet<QString>& secretNames() const { return m_secretNames; }

    // Secret values known so far, by SecretStore reference.
    const QHash<QString, QString>& secretValues() const { return m_secretValues; }
    // A value the app put in the store itself (an import, a save) or took out of it.
    void setSecretValue(const QString& ref, const QString& value) { m_secretValues.insert(ref, value); }
    void forgetSecretValue(const QString& ref) { m_secretValues.remove(ref); }
    // Reads the references not known yet; done runs once all have answered (at once when none is missing, yet
    // always later from the event loop). A reference that cannot be read stays unknown.
    void readSecrets(const QStringList& refs, QObject* context, std::function<void()> done);

signals:
    void changed();

private:
    void rebuild();

    SecretStore* m_store;
    std::optional<Environment> m_environment;
    QHash<QString, QString> m_globals;
    QString m_overridesLayer;
    QHash<QString, QString> m_overrides;
    QHash<QString, QString> m_secretValues;
    QSet<QString> m_secretNames;
    VariableResolver m_resolver;
};

} // namespace tb
