#include "HistoryPanel.h"

#include "HistoryModel.h"
#include "workspace/History.h"
#include "workspace/HistoryFilter.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
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
    m_listView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_listView, &QListView::customContextMenuRequested, this, [this](const QPoint& position) {
        const int row = m_listView->indexAt(position).row();
        QMenu menu(this);
        if (row >= 0) {
            menu.addAction(tr("&Open in a new tab"), this, [this, row] { emit entryActivated(m_model->idAt(row)); });
            menu.addAction(tr("Copy &URL"), this,
                           [this, row] { QApplication::clipboard()->setText(m_model->urlAt(row)); });
            menu.addSeparator();
        }
        menu.addAction(tr("&Clear history"), this, &HistoryPanel::clear);
        menu.exec(m_listView->viewport()->mapToGlobal(position));
    });
}

void HistoryPanel::clear()
{
    if (m_history && m_history->isOpen())
        m_history->clear();
    refresh();
}

void HistoryPanel::focusSearch()
{
    m_searchLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchLineEdit->selectAll();
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
