#pragma once

#include "http/RequestSpec.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTabWidget;

namespace tb::ui {

class AuthEditor;
class BodyEditor;
class KeyValueTable;
class VariableLineEdit;

// Edits one RequestSpec: method, URL (with {{variable}} colouring), Params kept in step with the URL both ways,
// Headers, Body and Auth. Sending is the owner's job: the editor only emits sendRequested / cancelRequested.
class RequestEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestEditor)

public:
    explicit RequestEditor(QWidget* parent = nullptr);

    RequestSpec spec() const;
    void setSpec(const RequestSpec& spec);
    void setSending(bool sending);

    VariableLineEdit* urlLineEdit() const { return m_urlLineEdit; }
    AuthEditor* authEditor() const { return m_authEditor; }

signals:
    void edited();
    void sendRequested();
    void cancelRequested();

private:
    void urlEdited();
    void paramsEdited();

    QComboBox* m_methodComboBox;
    VariableLineEdit* m_urlLineEdit;
    QPushButton* m_sendPushButton;
    QPushButton* m_cancelPushButton;
    QTabWidget* m_tabs;
    KeyValueTable* m_paramsTable;
    KeyValueTable* m_headersTable;
    BodyEditor* m_bodyEditor;
    AuthEditor* m_authEditor;
    bool m_syncing = false;
};

} // namespace tb::ui
