#include "support/FileScan.h"
#include "workspace/EnvironmentDraft.h"
#include "workspace/WorkspaceStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

Workspace savedWorkspace(const QString& dir)
{
    Workspace workspace;
    workspace.name = u"Draft test"_s;
    workspace.defaultEnvironment = u"Staging"_s;
    Environment staging{u"Staging"_s, {}, {}};
    staging.variables.append(Variable{u"host"_s, u"staging.example"_s, false, {}, true, {}});
    staging.variables.append(Variable{u"apiKey"_s, u"staging-key-value"_s, true, {}, true, {}});
    workspace.environments.append(staging);
    const auto saved = WorkspaceStore::save(dir, workspace);
    if (!saved.ok() || saved.secrets.size() != 1)
        qFatal("the fixture workspace could not be saved");
    return workspace;
}

} // namespace

class TestEnvironmentDraft : public QObject
{
    Q_OBJECT

private slots:
    void renamesAndTheDefaultFollows()
    {
        QTemporaryDir dir;
        Workspace workspace = savedWorkspace(dir.path());
        EnvironmentDraft draft(workspace.environments);
        QVERIFY(!draft.rename(0, u""_s).isEmpty());
        QVERIFY(draft.add(u"Production"_s).isEmpty());
        QVERIFY(draft.rename(1, u"staging"_s).contains(u"already"));
        QVERIFY(draft.rename(0, u"Preview"_s).isEmpty());
        const auto renamed = draft.apply(workspace);
        QCOMPARE(renamed.value(u"Staging"_s), u"Preview"_s);
        QCOMPARE(workspace.defaultEnvironment, u"Preview"_s);
        QCOMPARE(workspace.environments.size(), 2);
        QCOMPARE(workspace.environments[0].slug, u"staging"_s); // the file keeps its name: references stay valid
    }

    void unchangedSecretsAreNotWrittenAgain()
    {
        QTemporaryDir dir;
        Workspace workspace = savedWorkspace(dir.path());
        EnvironmentDraft draft(workspace.environments);
        QCOMPARE(draft.secretRefs().size(), 1);
        draft.setSecretValue(draft.secretRefs().first(), u"staging-key-value"_s);
        QVERIFY(draft.secretRefs().isEmpty());
        QCOMPARE(draft.at(0).rows[1].variable.value, u"staging-key-value"_s);
        draft.setValue(0, 0, u"staging2.example"_s);
        draft.apply(workspace);
        const auto saved = WorkspaceStore::save(dir.path(), workspace);
        QVERIFY(saved.ok());
        QVERIFY(saved.secrets.isEmpty());
        QVERIFY(!tb::test::allFileBytes(dir.path()).contains("staging-key-value"));
    }

    void duplicateGetsSecretsOfItsOwn()
    {
        QTemporaryDir dir;
        Workspace workspace = savedWorkspace(dir.path());
        const QString originalRef = workspace.environments[0].variables[1].ref;
        EnvironmentDraft draft(workspace.environments);
        draft.setSecretValue(originalRef, u"staging-key-value"_s);
        const QString name = draft.freeName(u"Staging"_s);
        QCOMPARE(name, u"Staging copy"_s);
        QVERIFY(draft.duplicate(0, name).isEmpty());
        QCOMPARE(draft.freeName(u"Staging"_s), u"Staging copy 2"_s);
        draft.setValue(1, 1, u"copy-key-value"_s);
        draft.addRow(1, u"token"_s);
        draft.setValue(1, 2, u"plain-for-now"_s);
        draft.setSecret(1, 2, true);
        const QList<Environment> before = workspace.environments;
        draft.apply(workspace);
        const auto saved = WorkspaceStore::save(dir.path(), workspace);
        QVERIFY(saved.ok());
        QCOMPARE(saved.secrets.size(), 2);
        QCOMPARE(workspace.environments.size(), 2);
        const QString copyRef = workspace.environments[1].variables[1].ref;
        QVERIFY(!copyRef.isEmpty());
        QVERIFY(copyRef != originalRef);
        QCOMPARE(saved.secrets[0], (SecretWrite{copyRef, u"copy-key-value"_s}));
        const QByteArray files = tb::test::allFileBytes(dir.path());
        QVERIFY(!files.contains("copy-key-value"));
        QVERIFY(!files.contains("plain-for-now"));
        QVERIFY(files.contains("staging-copy"));
        QVERIFY(EnvironmentDraft::orphanedRefs(before, workspace.environments).isEmpty());
    }

    void removedAndPlainSecretsAreOrphaned()
    {
        QTemporaryDir dir;
        Workspace workspace = savedWorkspace(dir.path());
        // A name that does not say "secret" (the save would mark apiKey secret again).
        workspace.environments[0].variables.append(
            Variable{u"region"_s, u"staging-region-value"_s, true, {}, true, {}});
        QVERIFY(WorkspaceStore::save(dir.path(), workspace).ok());
        const QString ref = workspace.environments[0].variables[2].ref;
        const QList<Environment> before = workspace.environments;
        EnvironmentDraft draft(workspace.environments);
        draft.setSecretValue(ref, u"staging-region-value"_s);
        draft.setSecret(0, 2, false); // the user chose to keep it in the file
        draft.apply(workspace);
        QVERIFY(WorkspaceStore::save(dir.path(), workspace).ok());
        QCOMPARE(EnvironmentDraft::orphanedRefs(before, workspace.environments), QSet<QString>{ref});
        QVERIFY(tb::test::allFileBytes(dir.path()).contains("staging-region-value"));
        QVERIFY(!tb::test::allFileBytes(dir.path()).contains("staging-key-value"));

        EnvironmentDraft again(workspace.environments);
        again.remove(0);
        again.apply(workspace);
        QVERIFY(workspace.environments.isEmpty());
        QVERIFY(workspace.defaultEnvironment.isEmpty());
    }

    void blankRowsAreDropped()
    {
        Workspace workspace;
        EnvironmentDraft draft(workspace.environments);
        QVERIFY(draft.add(u"Local"_s).isEmpty());
        draft.addRow(0);
        draft.addRow(0, u"port"_s);
        draft.setValue(0, 1, u"8000"_s);
        draft.setEnabled(0, 1, false);
        draft.apply(workspace);
        QCOMPARE(workspace.environments[0].variables.size(), 1);
        QVERIFY(!workspace.environments[0].variables[0].enabled);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentDraft)
#include "TestEnvironmentDraft.moc"
