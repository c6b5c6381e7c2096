#pragma once

#include "workspace/Workspace.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb::ui {

// "Save as": where a request goes (a collection or folder of the workspace) and under which name. OK is refused,
// with the reason in plain words, while the name is empty or taken in the chosen container; the owner writes the
// request once the dialog is accepted.
class SaveRequestDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveRequestDialog)

public:
    // Returns why name cannot be saved in container ("collection/folder" slugs), empty when it can.
    using NameCheck = std::function<QString(const QString& container, const QString& name)>;

    // container: the path to select at first (falls back to the first collection); name: the proposed name.
    SaveRequestDialog(const Workspace& workspace, const QString& container, const QString& name, NameCheck check,
                      QWidget* parent = nullptr);

    QString container() const;
    QString name() const;

    void accept() override;

private:
    void addFolders(QTreeWidgetItem* parent, const std::vector<CollectionItem>& items, const QString& prefix);

    NameCheck m_check;
    QTreeWidget* m_containerTreeWidget;
    QLineEdit* m_nameLineEdit;
    QLabel* m_errorLabel;
};

} // namespace tb::ui
