#pragma once

#include "http/RequestSpec.h"
#include "http/ResponseRecord.h"

#include <QWidget>

namespace tb::ui {

class RequestEditor;
class ResponseView;

// One open request: its editor above its last response, and whether it differs from what was last saved.
class RequestTab : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestTab)

public:
    explicit RequestTab(const QString& title, const RequestSpec& spec, QWidget* parent = nullptr);

    QString title() const { return m_title; }
    void setTitle(const QString& title);
    bool isDirty() const { return m_dirty; }
    // The workspace request this tab edits ("collection/folder/request"); empty for a scratch request.
    QString path() const { return m_path; }
    void setPath(const QString& path) { m_path = path; }
    // The spec is now what is saved.
    void markSaved();

    RequestEditor* editor() const { return m_editor; }
    ResponseView* responseView() const { return m_responseView; }

signals:
    void dirtyChanged(bool dirty);

private:
    void updateDirty();

    QString m_title;
    QString m_path;
    RequestSpec m_saved;
    bool m_dirty = false;
    RequestEditor* m_editor;
    ResponseView* m_responseView;
};

} // namespace tb::ui
