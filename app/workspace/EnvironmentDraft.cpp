#include "workspace/EnvironmentDraft.h"

using namespace Qt::StringLiterals;

namespace tb {

EnvironmentDraft::EnvironmentDraft(const QList<Environment>& environments)
{
    for (const Environment& environment : environments) {
        Draft draft{environment.name, environment.slug, environment.name, {}};
        for (const Variable& variable : environment.variables)
            draft.rows.append(Row{variable, !variable.secret, false});
        m_environments.append(draft);
    }
}

int EnvironmentDraft::indexOf(const QString& name) const
{
    for (int i = 0; i < count(); ++i)
        if (m_environments[i].name == name)
            return i;
    return -1;
}

QStringList EnvironmentDraft::secretRefs() const
{
    QStringList refs;
    for (const Draft& draft : m_environments)
        for (const Row& row : draft.rows)
            if (row.variable.secret && !row.variable.ref.isEmpty() && !row.secretKnown)
                refs.append(row.variable.ref);
    return refs;
}

void EnvironmentDraft::setSecretValue(const QString& ref, const QString& value)
{
    for (Draft& draft : m_environments) {
        for (Row& row : draft.rows) {
            // An edit made while the store was still answering wins.
            if (row.variable.secret && row.variable.ref == ref && !row.secretEdited) {
                row.variable.value = value;
                row.secretKnown = true;
            }
        }
    }
}

QString EnvironmentDraft::checkName(const QString& name, int except) const
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("An environment needs a name.");
    for (int i = 0; i < count(); ++i)
        if (i != except && m_environments[i].name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return QStringLiteral("There is already an environment named “%1”.").arg(m_environments[i].name);
    return {};
}

QString EnvironmentDraft::add(const QString& name)
{
    if (QString error = checkName(name, -1); !error.isEmpty())
        return error;
    m_environments.append(Draft{name.trimmed(), {}, {}, {}});
    return {};
}

QString EnvironmentDraft::rename(int index, const QString& name)
{
    if (QString error = checkName(name, index); !error.isEmpty())
        return error;
    m_environments[index].name = name.trimmed();
    return {};
}

QString EnvironmentDraft::duplicate(int index, const QString& name)
{
    if (QString error = checkName(name, -1); !error.isEmpty())
        return error;
    Draft copy = m_environments.at(index);
    copy.name = name.trimmed();
    copy.slug.clear();
    copy.originalName.clear();
    for (Row& row : copy.rows) {
        if (!row.variable.secret)
            continue;
        // A new secret: its own reference (given on save) and its value written under it.
        row.variable.ref.clear();
        row.secretEdited = row.secretKnown;
    }
    m_environments.insert(index + 1, copy);
    return {};
}

void EnvironmentDraft::remove(int index)
{
    m_environments.removeAt(index);
}

QString EnvironmentDraft::freeName(const QString& base) const
{
    const QString copy = u"%1 copy"_s.arg(base);
    if (checkName(copy, -1).isEmpty())
        return copy;
    for (int n = 2;; ++n)
        if (const QString candidate = u"%1 %2"_s.arg(copy).arg(n); checkName(candidate, -1).isEmpty())
            return candidate;
}

void EnvironmentDraft::addRow(int environment, const QString& key)
{
    Row row;
    row.variable.key = key;
    row.secretKnown = true;
    m_environments[environment].rows.append(row);
}

void EnvironmentDraft::removeRow(int environment, int index)
{
    m_environments[environment].rows.removeAt(index);
}

void EnvironmentDraft::setKey(int environment, int index, const QString& key)
{
    row(environment, index).variable.key = key.trimmed();
}

void EnvironmentDraft::setValue(int environment, int index, const QString& value)
{
    Row& r = row(environment, index);
    r.variable.value = value;
    if (r.variable.secret) {
        r.secretKnown = true;
        r.secretEdited = true;
    }
}

void EnvironmentDraft::setSecret(int environment, int index, bool secret)
{
    Row& r = row(environment, index);
    if (r.variable.secret == secret)
        return;
    r.variable.secret = secret;
    if (secret) {
        // The plain value becomes a secret: it moves to the store on apply.
        r.secretKnown = true;
        r.secretEdited = true;
    } else {
        // The value (if it could be read) goes back into the file; the stored secret is orphaned.
        if (!r.secretKnown)
            r.variable.value.clear();
        r.variable.ref.clear();
        r.secretKnown = true;
        r.secretEdited = false;
    }
}

void EnvironmentDraft::setEnabled(int environment, int index, bool enabled)
{
    row(environment, index).variable.enabled = enabled;
}

QHash<QString, QString> EnvironmentDraft::apply(Workspace& workspace) const
{
    QHash<QString, QString> renamed;
    QList<Environment> environments;
    for (const Draft& draft : m_environments) {
        Environment environment{draft.name, draft.slug, {}};
        for (const Row& row : draft.rows) {
            if (row.variable.key.isEmpty())
                continue; // a row added and left blank
            Variable variable = row.variable;
            // Unchanged secrets keep only their reference, so the save writes nothing for them.
            if (variable.secret && !row.secretEdited)
                variable.value.clear();
            environment.variables.append(variable);
        }
        if (!draft.originalName.isEmpty() && draft.originalName != draft.name)
            renamed.insert(draft.originalName, draft.name);
        environments.append(environment);
    }
    if (renamed.contains(workspace.defaultEnvironment))
        workspace.defaultEnvironment = renamed.value(workspace.defaultEnvironment);
    workspace.environments = environments;
    if (!workspace.defaultEnvironment.isEmpty() && !workspace.environment(workspace.defaultEnvironment))
        workspace.defaultEnvironment.clear();
    return renamed;
}

QSet<QString> EnvironmentDraft::orphanedRefs(const QList<Environment>& before, const QList<Environment>& after)
{
    QSet<QString> refs;
    for (const Environment& environment : before)
        for (const Variable& variable : environment.variables)
            if (variable.secret && !variable.ref.isEmpty())
                refs.insert(variable.ref);
    for (const Environment& environment : after)
        for (const Variable& variable : environment.variables)
            if (variable.secret)
                refs.remove(variable.ref);
    return refs;
}

} // namespace tb
