#pragma once

#include "http/VariableResolver.h"

#include <QLineEdit>
#include <QSet>

namespace tb::ui {

// A line edit that colours {{variables}} (known ones in one colour, unknown ones marked as errors) and shows
// a variable's resolved value on hover, secrets masked.
class VariableLineEdit : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableLineEdit)

public:
    explicit VariableLineEdit(QWidget* parent = nullptr);

    // The resolver to look names up in (not owned; may be null) and the names whose values are secret.
    void setVariables(const VariableResolver* resolver, const QSet<QString>& secretNames);
    QStringList unknownVariables() const { return m_unknown; }
    // What hovering the variable at a text position shows (empty when there is none there).
    QString variableToolTipAt(int position) const;

protected:
    bool event(QEvent* event) override;

private:
    void rehighlight();

    const VariableResolver* m_resolver = nullptr;
    QSet<QString> m_secretNames;
    QStringList m_unknown;
};

} // namespace tb::ui
