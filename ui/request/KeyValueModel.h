#pragma once

#include "http/RequestSpec.h"

#include <QAbstractTableModel>

namespace tb::ui {

// Rows of a Params / Headers / form table: an enable box, a name and a value. A last empty row is always there
// to type into; typing into it adds a row.
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueModel)

public:
    enum Column
    {
        NameColumn,
        ValueColumn,
        ColumnCount
    };

    explicit KeyValueModel(QObject* parent = nullptr);

    QList<KeyValueRow> rows() const { return m_rows; }
    void setRows(const QList<KeyValueRow>& rows);
    void removeRowAt(int row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    // The user changed a row (not emitted by setRows).
    void rowsEdited();

private:
    QList<KeyValueRow> m_rows;
};

} // namespace tb::ui
