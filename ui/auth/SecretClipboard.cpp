#include "auth/SecretClipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace tb::ui {

namespace {

QByteArray digestOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

SecretClipboard::SecretClipboard(Clock* clock, QObject* parent) : QObject(parent), m_clock(clock) {}

SecretClipboard::~SecretClipboard()
{
    if (m_timer)
        m_clock->cancel(m_timer);
}

void SecretClipboard::copy(const QString& secret)
{
    auto* mime = new QMimeData;
    mime->setText(secret);
    mime->setData(QString::fromLatin1(hintFormat), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime); // the clipboard takes ownership
    m_digest = digestOf(secret);
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = m_clock->callAt(m_clock->now().addSecs(clearAfterSeconds), this, [this] {
        m_timer = 0;
        clearIfOurs();
    });
}

void SecretClipboard::clearIfOurs()
{
    if (m_digest.isEmpty())
        return;
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (digestOf(clipboard->text()) == m_digest) {
        clipboard->clear();
        emit cleared();
    }
    m_digest.clear();
}

} // namespace tb::ui
