#include "KeyValueTable.h"

#include <QAction>
#include <QCompleter>
#include <QHeaderView>
#include <QLineEdit>
#include <QStyledItemDelegate>

namespace tb::ui {

namespace {

class NameDelegate : public QStyledItemDelegate
{
public:
    NameDelegate(const QStringList& names, QObject* parent) : QStyledItemDelegate(parent), m_names(names) {}

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto* lineEdit = qobject_cast<QLineEdit*>(editor);
            lineEdit && index.column() == KeyValueModel::NameColumn) {
            auto* completer = new QCompleter(m_names, lineEdit);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            lineEdit->setCompleter(completer);
            lineEdit->setObjectName(QStringLiteral("nameLineEdit"));
            lineEdit->setAccessibleName(tr("Name"));
        }
        return editor;
    }

private:
    QStringList m_names;
};

} // namespace

KeyValueTable::KeyValueTable(const QString& objectName, const QString& accessibleName, QWidget* parent)
    : QTableView(parent), m_model(new KeyValueModel(this))
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    setModel(m_model);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(KeyValueModel::NameColumn, 220);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::AllEditTriggers);
    setTabKeyNavigation(false);
    auto* removeAction = new QAction(tr("Remove row"), this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, [this] { m_model->removeRowAt(currentIndex().row()); });
    addAction(removeAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void KeyValueTable::setNameSuggestions(const QStringList& names)
{
    setItemDelegate(new NameDelegate(names, this));
}

QStringList KeyValueTable::commonHeaderNames()
{
    return {QStringLiteral("Accept"),
            QStringLiteral("Accept-Encoding"),
            QStringLiteral("Accept-Language"),
            QStringLiteral("Authorization"),
            QStringLiteral("Cache-Control"),
            QStringLiteral("Connection"),
            QStringLiteral("Content-Encoding"),
            QStringLiteral("Content-Type"),
            QStringLiteral("Cookie"),
            QStringLiteral("If-Match"),
            QStringLiteral("If-Modified-Since"),
            QStringLiteral("If-None-Match"),
            QStringLiteral("Origin"),
            QStringLiteral("Prefer"),
            QStringLiteral("Range"),
            QStringLiteral("Referer"),
            QStringLiteral("User-Agent"),
            QStringLiteral("X-Api-Key"),
            QStringLiteral("X-Correlation-Id"),
            QStringLiteral("X-Request-Id"),
            QStringLiteral("X-Requested-With")};
}

} // namespace tb::ui
