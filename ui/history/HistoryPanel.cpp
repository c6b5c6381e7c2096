#include "HistoryPanel.h"

#include "HistoryModel.h"
#include "workspace/History.h"
#include "workspace/HistoryFilter.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace tb::ui {

HistoryPanel::HistoryPanel(QWidget* parent) : QWidget(parent), m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("historySearchLineEdit"));
    m_searchLineEdit->setAccessibleName(tr("Search history"));
    m_searchLineEdit->setAccessibleDescription(tr("Words are searched in the URL; a method such as GET, a status "
                                                  "such as 404 or a class such as 5xx filter the list"));
    m_searchLineEdit->setPlaceholderText(tr("Search history: URL, GET, 404, 5xx"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_listView = new QListView(this);
    m_listView->setObjectName(QStringLiteral("historyListView"));
    m_listView->setAccessibleName(tr("History"));
    m_listView->setModel(m_model);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setUniformItemSizes(true);

    auto* title = new QLabel(tr("&History"), this);
    title->setBuddy(m_searchLineEdit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_searchLineEdit);
    layout->addWidget(m_listView, 1);

    connect(m_searchLineEdit, &QLineEdit::textChanged, this, &HistoryPanel::refresh);
    connect(m_listView, &QListView::activated, this,
            [this](const QModelIndex& index) { emit entryActivated(m_model->idAt(index.row())); });
}

void HistoryPanel::setHistory(History* history)
{
    m_history = history;
    refresh();
}

void HistoryPanel::refresh()
{
    if (!m_history || !m_history->isOpen()) {
        m_model->setEntries({});
        return;
    }
    History::Query query = HistoryFilter::parse(m_searchLineEdit->text());
    query.withBodies = false;
    m_model->setEntries(m_history->search(query));
}

} // namespace tb::ui
