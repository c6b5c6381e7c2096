#pragma once

#include "workspace/History.h"

#include <QAbstractListModel>

namespace tb::ui {

// History entries (summaries, no bodies) as a list: "200  GET  https://...", newest first.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit HistoryModel(QObject* parent = nullptr);

    void setEntries(const QList<History::Entry>& entries);
    qint64 idAt(int row) const { return m_entries.value(row).id; }
    QString urlAt(int row) const { return m_entries.value(row).url; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    QList<History::Entry> m_entries;
};

} // namespace tb::ui
