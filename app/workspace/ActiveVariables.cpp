#include "workspace/ActiveVariables.h"

#include "secrets/SecretStore.h"

#include <QPointer>

#include <memory>

namespace tb {

ActiveVariables::ActiveVariables(SecretStore* store, QObject* parent) : QObject(parent), m_store(store)
{
    rebuild();
}

void ActiveVariables::setEnvironment(const std::optional<Environment>& environment)
{
    m_environment = environment;
    QStringList unread;
    if (m_environment) {
        for (const Variable& variable : m_environment->variables) {
            if (variable.secret && !variable.ref.isEmpty() && !m_secretValues.contains(variable.ref)) {
                unread << variable.ref;
            }
        }
    }
    // Each value rebuilds the layer as it arrives, so the first ones are usable before a slow last one.
    for (const QString& ref : std::as_const(unread)) {
        m_store->read(ref, this, [this, ref](const SecretResult& result) {
            if (result.ok()) {
                m_secretValues.insert(ref, QString::fromUtf8(result.value));
                rebuild();
            }
        });
    }
    rebuild();
}

void ActiveVariables::setGlobal(const QString& name, const QString& value)
{
    m_globals.insert(name, value);
    rebuild();
}

void ActiveVariables::removeGlobal(const QString& name)
{
    m_globals.remove(name);
    rebuild();
}

void ActiveVariables::setOverrides(const QString& layer, const QHash<QString, QString>& values)
{
    m_overridesLayer = layer;
    m_overrides = values;
    rebuild();
}

void ActiveVariables::readSecrets(const QStringList& refs, QObject* context, std::function<void()> done)
{
    QStringList unread;
    for (const QString& ref : refs) {
        if (!m_secretValues.contains(ref) && !unread.contains(ref)) {
            unread << ref;
        }
    }
    QPointer<QObject> guard(context);
    if (unread.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                if (guard) {
                    done();
                }
            },
            Qt::QueuedConnection);
        return;
    }
    auto remaining = std::make_shared<qsizetype>(unread.size());
    for (const QString& ref : std::as_const(unread)) {
        m_store->read(ref, this, [this, ref, remaining, guard, done](const SecretResult& result) {
            if (result.ok()) {
                m_secretValues.insert(ref, QString::fromUtf8(result.value));
            }
            if (--*remaining == 0 && guard) {
                done();
            }
        });
    }
}

void ActiveVariables::rebuild()
{
    QHash<QString, QString> values;
    QSet<QString> secretNames;
    if (m_environment) {
        for (const Variable& variable : m_environment->variables) {
            if (!variable.enabled) {
                continue;
            }
            if (variable.secret) {
                secretNames.insert(variable.key);
                if (m_secretValues.contains(variable.ref)) {
                    values.insert(variable.key, m_secretValues.value(variable.ref));
                }
            } else {
                values.insert(variable.key, variable.value);
            }
        }
    }
    m_secretNames = secretNames;
    m_resolver.setLayer(VariableResolver::globalsLayer(), m_globals);
    m_resolver.setLayer(VariableResolver::environmentLayer(), values);
    if (!m_overridesLayer.isEmpty()) {
        m_resolver.setLayer(m_overridesLayer, m_overrides);
    }
    emit changed();
}

} // namespace tb
