#pragma once

#include "server/LocalServerController.h"

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tb::ui {

class SecretClipboard;

// Tools → Local OAuth server: start and stop the in-process server, its port and TLS, the live request log, and the
// demo credentials (secrets copied through the SecretClipboard, never shown).
class LocalServerPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerPanel)

public:
    LocalServerPanel(LocalServerController* controller, SecretClipboard* clipboard, QWidget* parent = nullptr);

    quint16 port() const;
    void setPort(quint16 port);
    bool tls() const;
    void setTls(bool on);

signals:
    // Start pressed: the owner starts the controller with its settings (port(), tls()).
    void startRequested();
    void openDemoWorkspaceRequested();

private:
    void stateChanged();
    void addCredential(QGridLayout* grid, int row, const QString& label, const QString& value, bool secret);

    LocalServerController* m_controller;
    SecretClipboard* m_clipboard;
    QSpinBox* m_portSpinBox;
    QCheckBox* m_tlsCheckBox;
    QPushButton* m_startPushButton;
    QPushButton* m_stopPushButton;
    QLabel* m_statusLabel;
    QPlainTextEdit* m_logPlainTextEdit;
    QPushButton* m_openDemoPushButton;
};

} // namespace tb::ui
