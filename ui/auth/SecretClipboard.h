#pragma once

#include "core/Clock.h"

#include <QByteArray>
#include <QObject>

namespace tb::ui {

// Puts a secret (an access token) on the clipboard the way password managers do: the entry carries the
// `x-kde-passwordManagerHint: secret` marker, so clipboard managers (Klipper and others honouring it) do not keep
// it in their history, and it is cleared after `clearAfterSeconds` if the clipboard still holds our value (a newer
// copy by the user is left alone). Only a digest of the value is kept to recognise it.
class SecretClipboard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretClipboard)

public:
    static constexpr int clearAfterSeconds = 30;
    static constexpr const char* hintFormat = "x-kde-passwordManagerHint";

    explicit SecretClipboard(Clock* clock, QObject* parent = nullptr);
    ~SecretClipboard() override;

    void copy(const QString& secret);
    // Clears now if the clipboard still holds what we put there.
    void clearIfOurs();

signals:
    void cleared();

private:
    Clock* m_clock;
    QByteArray m_digest;
    Clock::TimerId m_timer = 0;
};

} // namespace tb::ui
