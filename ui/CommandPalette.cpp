#include "CommandPalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace tb::ui {

namespace {
QString plainText(const QAction* action)
{
    return action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}
} // namespace

CommandPalette::CommandPalette(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent), m_actions(actions)
{
    setObjectName(QStringLiteral("commandPaletteDialog"));
    setWindowTitle(tr("Command palette"));
    setAccessibleName(tr("Command palette"));
    m_filterLineEdit = new QLineEdit(this);
    m_filterLineEdit->setObjectName(QStringLiteral("commandFilterLineEdit"));
    m_filterLineEdit->setAccessibleName(tr("Command"));
    m_filterLineEdit->setPlaceholderText(tr("Type a command…"));
    m_commandListWidget = new QListWidget(this);
    m_commandListWidget->setObjectName(QStringLiteral("commandListWidget"));
    m_commandListWidget->setAccessibleName(tr("Commands"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filterLineEdit);
    layout->addWidget(m_commandListWidget);
    resize(480, 360);
    connect(m_filterLineEdit, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_filterLineEdit, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_commandListWidget, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    // Up and Down in the filter move through the list.
    auto* down = new QAction(this);
    down->setShortcut(Qt::Key_Down);
    connect(down, &QAction::triggered, this, [this] {
        m_commandListWidget->setCurrentRow(
            qMin(m_commandListWidget->currentRow() + 1, m_commandListWidget->count() - 1));
    });
    auto* up = new QAction(this);
    up->setShortcut(Qt::Key_Up);
    connect(up, &QAction::triggered, this,
            [this] { m_commandListWidget->setCurrentRow(qMax(m_commandListWidget->currentRow() - 1, 0)); });
    addActions({down, up});
    filter({});
}

void CommandPalette::filter(const QString& text)
{
    m_commandListWidget->clear();
    for (int i = 0; i < m_actions.size(); ++i) {
        QAction* action = m_actions[i];
        const QString name = plainText(action);
        if (name.isEmpty() || !action->isEnabled() || !name.contains(text, Qt::CaseInsensitive))
            continue;
        auto* item = new QListWidgetItem(action->icon(), name, m_commandListWidget);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        if (!shortcut.isEmpty())
            item->setText(QStringLiteral("%1    %2").arg(name, shortcut));
        item->setData(Qt::UserRole, i);
    }
    m_commandListWidget->setCurrentRow(0);
}

void CommandPalette::runCurrent()
{
    const QListWidgetItem* item = m_commandListWidget->currentItem();
    if (!item)
        return;
    QAction* action = m_actions.at(item->data(Qt::UserRole).toInt());
    accept();
    action->trigger();
}

} // namespace tb::ui
