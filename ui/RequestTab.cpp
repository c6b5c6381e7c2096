#include "RequestTab.h"

#include "request/RequestEditor.h"
#include "response/ResponseView.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace tb::ui {

RequestTab::RequestTab(const QString& title, const RequestSpec& spec, QWidget* parent)
    : QWidget(parent), m_title(title), m_saved(spec)
{
    setObjectName(QStringLiteral("requestTab"));
    m_editor = new RequestEditor(this);
    m_editor->setSpec(spec);
    m_responseView = new ResponseView(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("requestResponseSplitter"));
    splitter->addWidget(m_editor);
    splitter->addWidget(m_responseView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    connect(m_editor, &RequestEditor::edited, this, &RequestTab::updateDirty);
}

void RequestTab::setTitle(const QString& title)
{
    m_title = title;
    emit dirtyChanged(m_dirty);
}

void RequestTab::markSaved()
{
    m_saved = m_editor->spec();
    updateDirty();
}

// Dirty means "differs from the saved spec", so undoing an edit by hand clears the marker again.
void RequestTab::updateDirty()
{
    const bool dirty = !(m_editor->spec() == m_saved);
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged(dirty);
}

} // namespace tb::ui
