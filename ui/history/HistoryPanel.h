#pragma once

#include <QWidget>

class QLineEdit;
class QListView;
class QModelIndex;

namespace tb {
class History;
}

namespace tb::ui {

class HistoryModel;

// The history list under the workspace tree, with a search box ("GET 404 users": see HistoryFilter). Activating an
// entry asks the owner to re-open it as a new request tab.
class HistoryPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    // Not owned; may be null (no history: the list stays empty).
    void setHistory(History* history);
    // Runs the search again (after a request was recorded).
    void refresh();
    HistoryModel* model() const { return m_model; }
    // Deletes every entry (the database is vacuumed, so nothing is left in the file either).
    void clear();
    void focusSearch();

signals:
    void entryActivated(qint64 id);

private:
    History* m_history = nullptr;
    HistoryModel* m_model;
    QLineEdit* m_searchLineEdit;
    QListView* m_listView;
};

} // namespace tb::ui
