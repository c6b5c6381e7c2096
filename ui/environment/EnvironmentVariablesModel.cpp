#include "EnvironmentVariablesModel.h"

namespace tb::ui {

namespace {
const QString kMask = QStringLiteral("••••••••");
}

EnvironmentVariablesModel::EnvironmentVariablesModel(EnvironmentDraft& draft, QObject* parent)
    : QAbstractTableModel(parent), m_draft(draft)
{}

void EnvironmentVariablesModel::setEnvironment(int index)
{
    beginResetModel();
    m_environment = index;
    endResetModel();
}

QModelIndex EnvironmentVariablesModel::addRow()
{
    if (m_environment < 0)
        return {};
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_draft.addRow(m_environment);
    endInsertRows();
    return index(row, NameColumn);
}

void EnvironmentVariablesModel::removeRowAt(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_draft.removeRow(m_environment, row);
    endRemoveRows();
}

void EnvironmentVariablesModel::refresh()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int EnvironmentVariablesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_environment < 0 ? 0 : int(m_draft.at(m_environment).rows.size());
}

int EnvironmentVariablesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentVariablesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || m_environment < 0)
        return {};
    const EnvironmentDraft::Row& row = m_draft.at(m_environment).rows.at(index.row());
    const Variable& variable = row.variable;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return variable.key;
        if (role == Qt::CheckStateRole)
            return variable.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::AccessibleTextRole)
            return variable.enabled ? tr("Variable %1").arg(variable.key)
                                    : tr("Variable %1, disabled").arg(variable.key);
        break;
    case ValueColumn:
        if (role == SecretRole)
            return variable.secret;
        if (role == Qt::EditRole)
            return variable.value;
        if (role == Qt::DisplayRole) {
            if (!variable.secret)
                return variable.value;
            return row.secretKnown ? kMask : tr("(stored secret)");
        }
        // A screen reader must not read a secret aloud either.
        if (role == Qt::AccessibleTextRole)
            return variable.secret ? tr("Secret value of %1, hidden").arg(variable.key)
                                   : tr("Value of %1: %2").arg(variable.key, variable.value);
        if (role == Qt::ToolTipRole && variable.secret)
            return tr("Kept in the secret store, never in the workspace files");
        break;
    case SecretColumn:
        if (role == Qt::CheckStateRole)
            return variable.secret ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::AccessibleTextRole)
            return variable.secret ? tr("%1 is secret").arg(variable.key) : tr("%1 is not secret").arg(variable.key);
        if (role == Qt::ToolTipRole)
            return tr("Secret: the value is masked and kept in the secret store");
        break;
    default:
        break;
    }
    return {};
}

bool EnvironmentVariablesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || m_environment < 0)
        return false;
    const int row = index.row();
    if (index.column() == NameColumn && role == Qt::EditRole)
        m_draft.setKey(m_environment, row, value.toString());
    else if (index.column() == NameColumn && role == Qt::CheckStateRole)
        m_draft.setEnabled(m_environment, row, value.toInt() == Qt::Checked);
    else if (index.column() == ValueColumn && role == Qt::EditRole)
        m_draft.setValue(m_environment, row, value.toString());
    else if (index.column() == SecretColumn && role == Qt::CheckStateRole)
        m_draft.setSecret(m_environment, row, value.toInt() == Qt::Checked);
    else
        return false;
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    return true;
}

Qt::ItemFlags EnvironmentVariablesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable | Qt::ItemIsUserCheckable;
    else if (index.column() == ValueColumn)
        flags |= Qt::ItemIsEditable;
    else
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant EnvironmentVariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Variable");
    case ValueColumn:
        return tr("Value");
    case SecretColumn:
        return tr("Secret");
    default:
        return {};
    }
}

} // namespace tb::ui
