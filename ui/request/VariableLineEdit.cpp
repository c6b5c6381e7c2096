#include "VariableLineEdit.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QRegularExpression>
#include <QTextCharFormat>
#include <QToolTip>

namespace tb::ui {

namespace {

const QRegularExpression& variablePattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}]+?)\\s*\\}\\}"));
    return pattern;
}

} // namespace

VariableLineEdit::VariableLineEdit(QWidget* parent) : QLineEdit(parent)
{
    connect(this, &QLineEdit::textChanged, this, &VariableLineEdit::rehighlight);
}

void VariableLineEdit::setVariables(const VariableResolver* resolver, const QSet<QString>& secretNames)
{
    m_resolver = resolver;
    m_secretNames = secretNames;
    rehighlight();
}

// QLineEdit has no public formatting API; an input-method event with TextFormat attributes is the supported way
// to colour ranges of its text (the formats are positions relative to the cursor).
void VariableLineEdit::rehighlight()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat known;
    known.setForeground(dark ? QColor(0x7e, 0xc8, 0xff) : QColor(0x0b, 0x5c, 0xad));
    known.setFontWeight(QFont::DemiBold);
    QTextCharFormat unknown;
    unknown.setForeground(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(unknown.foreground().color());

    QList<QInputMethodEvent::Attribute> attributes;
    QStringList unknownNames;
    const QString current = text();
    for (auto it = variablePattern().globalMatch(current); it.hasNext();) {
        const auto match = it.next();
        const QString name = match.captured(1);
        const bool isKnown = m_resolver && m_resolver->rawValue(name).has_value();
        if (!isKnown && !unknownNames.contains(name))
            unknownNames << name;
        attributes.append({QInputMethodEvent::TextFormat, int(match.capturedStart()) - cursorPosition(),
                           int(match.capturedLength()), isKnown ? known : unknown});
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(this, &event);
    m_unknown = unknownNames;
    setAccessibleDescription(
        m_unknown.isEmpty() ? QString() : tr("Unknown variables: %1").arg(m_unknown.join(QLatin1String(", "))));
}

QString VariableLineEdit::variableToolTipAt(int position) const
{
    const QString current = text();
    for (auto it = variablePattern().globalMatch(current); it.hasNext();) {
        const auto match = it.next();
        if (position < match.capturedStart() || position >= match.capturedEnd())
            continue;
        const QString name = match.captured(1);
        if (!m_resolver || !m_resolver->rawValue(name))
            return tr("%1: unknown variable (not defined in the active environment)").arg(name);
        QString layer;
        m_resolver->rawValue(name, &layer);
        if (m_secretNames.contains(name))
            return tr("%1 = •••••••• (secret, from %2)").arg(name, layer);
        const auto resolved = m_resolver->resolve(match.capturedView(0), tr("URL"));
        if (!resolved.ok())
            return tr("%1: %2").arg(name, resolved.error->message());
        return tr("%1 = %2 (from %3)").arg(name, resolved.text, layer);
    }
    return {};
}

bool VariableLineEdit::event(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        // A light/dark switch of the system: the variable colours follow the new palette.
        const bool handled = QLineEdit::event(event);
        rehighlight();
        return handled;
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = variableToolTipAt(cursorPositionAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QLineEdit::event(event);
}

} // namespace tb::ui
