#pragma once

#include "response/TextLines.h"

namespace tb::ui {

// A classic hex dump (offset, 16 bytes, their printable ASCII), computed per painted line.
class HexLines : public TextLines
{
public:
    static constexpr int kBytesPerLine = 16;

    explicit HexLines(const QByteArray& body) : m_body(body) {}

    qsizetype lineCount() const override { return (m_body.size() + kBytesPerLine - 1) / kBytesPerLine; }
    QString lineText(qsizetype line) const override;
    qsizetype lineAt(qint64 offset) const override { return qsizetype(offset / kBytesPerLine); }
    const QByteArray& body() const override { return m_body; }

private:
    QByteArray m_body;
};

} // namespace tb::ui
