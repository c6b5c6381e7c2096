#include "KeyValueModel.h"

namespace tb::ui {

KeyValueModel::KeyValueModel(QObject* parent) : QAbstractTableModel(parent) {}

void KeyValueModel::setRows(const QList<KeyValueRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void KeyValueModel::removeRowAt(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    emit rowsEdited();
}

int KeyValueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int KeyValueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex& index, int role) const
{
    const bool placeholder = index.row() >= m_rows.size();
    if (placeholder) {
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return QVariant();
        if (role == Qt::ToolTipRole)
            return tr("Type here to add a row");
        return {};
    }
    const KeyValueRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == NameColumn ? row.name : row.value;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return row.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::AccessibleTextRole:
        return index.column() == NameColumn ? tr("Name %1").arg(row.name) : tr("Value %1").arg(row.value);
    default:
        return {};
    }
}

bool KeyValueModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid())
        return false;
    if (index.row() >= m_rows.size()) {
        if (role != Qt::EditRole || value.toString().isEmpty())
            return false;
        beginInsertRows({}, int(m_rows.size()) + 1, int(m_rows.size()) + 1);
        m_rows.append(KeyValueRow{});
        endInsertRows();
    }
    KeyValueRow& row = m_rows[index.row()];
    if (role == Qt::CheckStateRole && index.column() == NameColumn)
        row.enabled = value.value<Qt::CheckState>() == Qt::Checked;
    else if (role == Qt::EditRole)
        (index.column() == NameColumn ? row.name : row.value) = value.toString();
    else
        return false;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit rowsEdited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (index.column() == NameColumn && index.row() < m_rows.size())
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Name") : tr("Value");
}

} // namespace tb::ui
