#pragma once

#include "workspace/EnvironmentDraft.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace tb {
class SecretStore;
}

namespace tb::ui {

class EnvironmentVariablesModel;

// Edits the workspace's environments: the list on the left (new, duplicate, rename in place, delete), the
// variables of the selected one on the right, each with an enable box and a secret switch. Works on an
// EnvironmentDraft; the owner applies draft() when the dialog is accepted.
class EnvironmentEditor : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentEditor)

public:
    // Secret values are read from secrets (may be null) so they can be edited, shown masked.
    EnvironmentEditor(const QList<Environment>& environments, SecretStore* secrets, const QString& current,
                      QWidget* parent = nullptr);
    ~EnvironmentEditor() override;

    const EnvironmentDraft& draft() const { return m_draft; }
    EnvironmentVariablesModel* variablesModel() const { return m_model; }
    // The environment shown in the table (its index in the draft), -1 when there is none.
    int currentEnvironment() const;
    void selectEnvironment(int index);

    void addEnvironment();
    void duplicateEnvironment();
    void renameEnvironment(const QString& name);
    void removeEnvironment();
    void addVariable();
    void removeVariable();

private:
    void fillList(int select);
    void showError(const QString& error);
    void updateButtons();

    EnvironmentDraft m_draft;
    EnvironmentVariablesModel* m_model;
    QListWidget* m_environmentListWidget;
    QTableView* m_variablesTableView;
    QPushButton* m_duplicatePushButton;
    QPushButton* m_renamePushButton;
    QPushButton* m_removeEnvironmentPushButton;
    QPushButton* m_addVariablePushButton;
    QPushButton* m_removeVariablePushButton;
    QLabel* m_errorLabel;
};

} // namespace tb::ui
