#pragma once

#include "workspace/EnvironmentDraft.h"

#include <QAbstractTableModel>

namespace tb::ui {

// The variables of one environment of an EnvironmentDraft as a table: name (with an enable box), value, secret.
// A secret value shows as dots; its editor is a password field. The draft owns the data and its rules.
class EnvironmentVariablesModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentVariablesModel)

public:
    enum Column
    {
        NameColumn,
        ValueColumn,
        SecretColumn,
        ColumnCount
    };
    // Qt::UserRole + 1 on a value cell: true when it holds a secret (the delegate masks the editor).
    static constexpr int SecretRole = Qt::UserRole + 1;

    EnvironmentVariablesModel(EnvironmentDraft& draft, QObject* parent = nullptr);

    // -1: no environment (an empty table).
    void setEnvironment(int index);
    int environment() const { return m_environment; }
    // Adds an empty row and returns its index.
    QModelIndex addRow();
    void removeRowAt(int row);
    // The draft changed underneath (secret values arrived).
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    EnvironmentDraft& m_draft;
    int m_environment = -1;
};

} // namespace tb::ui
