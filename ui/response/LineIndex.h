#pragma once

#include "response/TextLines.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <vector>

namespace tb::ui {

// The lines of a (possibly huge) response body, without copying the body.
//
// A pretty-printed view of a 100 MB JSON document would be 150-200 MB of text (and twice that as UTF-16);
// instead we remember, per output line, where it starts in the source bytes and how deep it is indented, and
// render a line only when the view paints it. That keeps memory near 8 bytes per line on top of the body.
class LineIndex : public TextLines
{
    Q_DECLARE_TR_FUNCTIONS(LineIndex)

public:
    enum class Kind
    {
        Raw,
        PrettyJson
    };

    // Called about every megabyte with the bytes done; returning false cancels the build.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Result
    {
        std::shared_ptr<const LineIndex> index; // unset when cancelled or malformed
        QString error;                          // why pretty-printing was not possible (the body is then shown raw)
        bool cancelled = false;
    };

    LineIndex() = default;

    // Splits on '\n' (a trailing '\r' is dropped from each line).
    static Result buildRaw(const QByteArray& body, const Progress& progress = {});
    // Re-flows JSON with two-space indentation; on malformed JSON the result carries an error and no index.
    static Result buildPrettyJson(const QByteArray& body, const Progress& progress = {});

    Kind kind() const { return m_kind; }
    qsizetype lineCount() const override { return qsizetype(m_lines.size()); }
    QString lineText(qsizetype line) const override;
    qsizetype lineAt(qint64 offset) const override;
    const QByteArray& body() const override { return m_body; }
    bool isJson() const override { return m_kind == Kind::PrettyJson; }
    qint64 lineStart(qsizetype line) const;

private:
    static constexpr int kDepthBits = 24;
    static quint64 pack(qint64 start, quint32 depth) { return (quint64(start) << kDepthBits) | depth; }

    Kind m_kind = Kind::Raw;
    QByteArray m_body;
    std::vector<quint64> m_lines; // start offset << 24 | indentation depth
};

} // namespace tb::ui
