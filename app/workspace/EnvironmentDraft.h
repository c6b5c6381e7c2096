#pragma once

#include "workspace/Environment.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tb {

// The environment editor's working copy of a workspace's environments: add, rename, duplicate and remove
// environments and their variables, then apply() the result to the workspace in one step (Cancel drops it).
//
// Secret values are never in the workspace model after a save; the editor reads them from the SecretStore and hands
// them in with setSecretValue(). On apply(), only secrets the user edited carry a value, so the following
// WorkspaceStore::save() returns exactly those as SecretWrites (and the files keep only references). A duplicated
// environment's secrets get references of their own: the copies are new secrets, not links to the old ones.
class EnvironmentDraft
{
public:
    struct Row
    {
        Variable variable;         // value: plaintext while editing (secret ones included, if known)
        bool secretKnown = false;  // a secret whose value was read from the store (or typed)
        bool secretEdited = false; // a secret to write on apply
    };

    struct Draft
    {
        QString name;
        QString slug; // empty for a new environment: the save chooses one
        QString originalName;
        QList<Row> rows;
    };

    explicit EnvironmentDraft(const QList<Environment>& environments);

    int count() const { return int(m_environments.size()); }
    const Draft& at(int index) const { return m_environments.at(index); }
    int indexOf(const QString& name) const;

    // References of secret variables whose values the editor should read from the SecretStore.
    QStringList secretRefs() const;
    void setSecretValue(const QString& ref, const QString& value);

    // Each returns an error for people, empty on success.
    QString add(const QString& name);
    QString rename(int index, const QString& name);
    QString duplicate(int index, const QString& name);
    void remove(int index);
    // "Staging", "Staging copy", "Staging copy 2", ...: a free name for a duplicate.
    QString freeName(const QString& base) const;

    void addRow(int environment, const QString& key = {});
    void removeRow(int environment, int row);
    void setKey(int environment, int row, const QString& key);
    void setValue(int environment, int row, const QString& value);
    void setSecret(int environment, int row, bool secret);
    void setEnabled(int environment, int row, bool enabled);

    // Replaces the workspace's environments with the draft; the default environment follows a rename. Returns the
    // renames (old name -> new name) so the caller can keep its active environment in step.
    QHash<QString, QString> apply(Workspace& workspace) const;

    // Secret references in before that after no longer uses: removed variables, secrets made plain, deleted
    // environments. The caller deletes them from the SecretStore once the save went through.
    static QSet<QString> orphanedRefs(const QList<Environment>& before, const QList<Environment>& after);

private:
    QString checkName(const QString& name, int except) const;
    Row& row(int environment, int row) { return m_environments[environment].rows[row]; }

    QList<Draft> m_environments;
};

} // namespace tb
