#include "HistoryModel.h"

#include <QLocale>

namespace tb::ui {

HistoryModel::HistoryModel(QObject* parent) : QAbstractListModel(parent) {}

void HistoryModel::setEntries(const QList<History::Entry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const History::Entry& entry = m_entries.at(index.row());
    const QString status = entry.status > 0 ? QString::number(entry.status) : tr("error");
    const QString when = QLocale().toString(entry.sentAt.toLocalTime(), QLocale::ShortFormat);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2  %3").arg(status, entry.method, entry.url);
    case Qt::ToolTipRole:
        return entry.status > 0
                   ? tr("%1 · %2 ms · %3 bytes").arg(when).arg(qRound(entry.totalMs)).arg(entry.responseSize)
                   : tr("%1 · %2").arg(when, entry.error);
    case Qt::AccessibleTextRole:
        return entry.status > 0 ? tr("%1 %2, status %3, %4 milliseconds, sent %5")
                                      .arg(entry.method, entry.url, status)
                                      .arg(qRound(entry.totalMs))
                                      .arg(when)
                                : tr("%1 %2, failed: %3, sent %4").arg(entry.method, entry.url, entry.error, when);
    case IdRole:
        return entry.id;
    default:
        return {};
    }
}

} // namespace tb::ui
