#include "MainWindow.h"
#include "environment/EnvironmentEditor.h"
#include "environment/EnvironmentVariablesModel.h"
#include "support/FileScan.h"
#include "workspace/WorkspaceStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tb::ui::EnvironmentEditor;
using tb::ui::EnvironmentVariablesModel;
using tb::ui::MainWindow;

namespace {

const QByteArray kSecret = "tb-env-secret-9f3a77";

QStringList comboItems(QComboBox* combo)
{
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    return items;
}

} // namespace

class TestEnvironmentEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editsEnvironmentsAndKeepsSecretsOutOfTheFiles()
    {
        QTemporaryDir dir;
        const QString workspaceDir = dir.filePath(u"workspace"_s);
        tb::Workspace workspace;
        workspace.name = u"Env test"_s;
        workspace.environments.append(
            tb::Environment{u"Staging"_s, {}, {tb::Variable{u"host"_s, u"staging.example"_s, false, {}, true, {}}}});
        QVERIFY(tb::WorkspaceStore::save(workspaceDir, workspace).ok());

        MainWindow window({workspaceDir, dir.filePath(u"settings.ini"_s), true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* switcher = window.findChild<QComboBox*>(u"environmentComboBox"_s);
        QTRY_COMPARE(comboItems(switcher), (QStringList{u"No environment"_s, u"Staging"_s}));
        window.setEnvironment(u"Staging"_s);

        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_E));
        EnvironmentEditor* editor = nullptr;
        QTRY_VERIFY((editor = window.findChild<EnvironmentEditor*>()) && editor->isVisible());
        QCOMPARE(editor->currentEnvironment(), 0);
        EnvironmentVariablesModel* model = editor->variablesModel();
        QCOMPARE(model->rowCount(), 1);

        // A new secret variable, typed in clear and then switched to secret: shown masked from then on.
        QTest::mouseClick(editor->findChild<QPushButton*>(u"addVariablePushButton"_s), Qt::LeftButton);
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(model->setData(model->index(1, EnvironmentVariablesModel::NameColumn), u"apiToken"_s, Qt::EditRole));
        QVERIFY(model->setData(model->index(1, EnvironmentVariablesModel::ValueColumn), QString::fromLatin1(kSecret),
                               Qt::EditRole));
        QVERIFY(
            model->setData(model->index(1, EnvironmentVariablesModel::SecretColumn), Qt::Checked, Qt::CheckStateRole));
        const QModelIndex value = model->index(1, EnvironmentVariablesModel::ValueColumn);
        QVERIFY(!value.data(Qt::DisplayRole).toString().contains(QString::fromLatin1(kSecret)));
        QVERIFY(!value.data(Qt::AccessibleTextRole).toString().contains(QString::fromLatin1(kSecret)));

        // Duplicate, then rename the copy in place and the original through the editor.
        QTest::mouseClick(editor->findChild<QPushButton*>(u"duplicateEnvironmentPushButton"_s), Qt::LeftButton);
        auto* list = editor->findChild<QListWidget*>(u"environmentListWidget"_s);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(1)->text(), u"Staging copy"_s);
        QCOMPARE(editor->currentEnvironment(), 1);
        list->item(1)->setText(u"QA"_s); // what an in-place edit commits
        QCOMPARE(editor->draft().at(1).name, u"QA"_s);
        editor->selectEnvironment(0);
        editor->renameEnvironment(u"qa"_s); // taken (case-insensitively): refused, the name stays
        QCOMPARE(list->item(0)->text(), u"Staging"_s);
        QVERIFY(editor->findChild<QLabel*>(u"environmentErrorLabel"_s)->isVisible());
        editor->renameEnvironment(u"Stage"_s);
        QCOMPARE(list->item(0)->text(), u"Stage"_s);
        QTest::mouseClick(editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

        // The switcher and the active environment follow the rename; the secret resolves.
        QCOMPARE(comboItems(switcher), (QStringList{u"No environment"_s, u"Stage"_s, u"QA"_s}));
        QCOMPARE(window.environment(), u"Stage"_s);
        QCOMPARE(switcher->currentText(), u"Stage"_s);
        QCOMPARE(window.variables().resolve(u"{{host}} {{apiToken}}", u"test"_s).text,
                 u"staging.example "_s + QString::fromLatin1(kSecret));

        // The files name the variable and mark it secret; its value is only in the SecretStore, under its own
        // reference for each environment.
        const QByteArray files = tb::test::allFileBytes(dir.path());
        QVERIFY(!files.contains(kSecret));
        QVERIFY(files.contains("apiToken"));
        const tb::WorkspaceStore::LoadResult loaded = tb::WorkspaceStore::load(workspaceDir);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.workspace.environments.size(), 2);
        QStringList refs;
        for (const tb::Environment& environment : loaded.workspace.environments) {
            const tb::Variable& token = environment.variables.value(1);
            QCOMPARE(token.key, u"apiToken"_s);
            QVERIFY(token.secret);
            QVERIFY(token.value.isEmpty());
            refs << token.ref;
        }
        QVERIFY(refs[0] != refs[1]);
        for (const QString& ref : refs) {
            QByteArray stored;
            window.secretStore()->read(ref, &window,
                                       [&stored](const tb::SecretResult& result) { stored = result.value; });
            QTRY_COMPARE(stored, kSecret);
        }
    }

    void cancelChangesNothing()
    {
        QTemporaryDir dir;
        const QString workspaceDir = dir.filePath(u"workspace"_s);
        tb::Workspace workspace;
        workspace.environments.append(tb::Environment{u"Local"_s, {}, {}});
        QVERIFY(tb::WorkspaceStore::save(workspaceDir, workspace).ok());
        const QByteArray before = tb::test::allFileBytes(workspaceDir);
        MainWindow window({workspaceDir, dir.filePath(u"settings.ini"_s), true});
        window.show();
        QTRY_VERIFY(window.workspace().isOpen());
        window.editEnvironments();
        EnvironmentEditor* editor = nullptr;
        QTRY_VERIFY((editor = window.findChild<EnvironmentEditor*>()) && editor->isVisible());
        editor->removeEnvironment();
        QCOMPARE(editor->draft().count(), 0);
        editor->reject();
        QCOMPARE(window.workspace().workspace().environments.size(), 1);
        QCOMPARE(tb::test::allFileBytes(workspaceDir), before);
    }
};

QTEST_MAIN(TestEnvironmentEditor)
#include "TestEnvironmentEditor.moc"
