#include "LineIndex.h"

#include <algorithm>
#include <cstring>

namespace tb::ui {

namespace {

constexpr qint64 kProgressStep = 1 << 20;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

qsizetype skipSpace(const char* data, qsizetype pos, qsizetype size)
{
    while (pos < size && isJsonSpace(data[pos]))
        ++pos;
    return pos;
}

} // namespace

LineIndex::Result LineIndex::buildRaw(const QByteArray& body, const Progress& progress)
{
    auto index = std::make_unique<LineIndex>();
    index->m_kind = Kind::Raw;
    index->m_body = body;
    const char* data = body.constData();
    const qsizetype size = body.size();
    qsizetype pos = 0;
    qint64 nextReport = kProgressStep;
    index->m_lines.push_back(pack(0, 0));
    while (pos < size) {
        const void* nl = std::memchr(data + pos, '\n', size_t(size - pos));
        if (!nl)
            break;
        pos = static_cast<const char*>(nl) - data + 1;
        if (pos < size)
            index->m_lines.push_back(pack(pos, 0));
        if (pos >= nextReport) {
            nextReport = pos + kProgressStep;
            if (progress && !progress(pos, size))
                return {nullptr, {}, true};
        }
    }
    return {std::move(index), {}, false};
}

// One pass over the bytes: a new output line starts after '{' or '[' (unless the container is empty), after a
// ',' inside a container, and at every closing bracket. Strings are skipped with their escapes.
LineIndex::Result LineIndex::buildPrettyJson(const QByteArray& body, const Progress& progress)
{
    auto index = std::make_unique<LineIndex>();
    index->m_kind = Kind::PrettyJson;
    index->m_body = body;
    auto& lines = index->m_lines;
    const char* data = body.constData();
    const qsizetype size = body.size();
    std::vector<char> open; // the closing bracket each open container expects
    bool inString = false;
    bool topLevelDone = false;
    qint64 nextReport = kProgressStep;
    const auto fail = [](const QString& why, qsizetype at) {
        return Result{nullptr, tr("Not well-formed JSON (%1 at byte %2); showing it raw.").arg(why).arg(at), false};
    };

    qsizetype i = skipSpace(data, 0, size);
    if (i >= size || (data[i] != '{' && data[i] != '['))
        return fail(tr("it does not start with { or ["), i);
    lines.push_back(pack(i, 0));
    for (; i < size; ++i) {
        if (i >= nextReport) {
            nextReport = i + kProgressStep;
            if (progress && !progress(i, size))
                return {nullptr, {}, true};
        }
        const char c = data[i];
        if (inString) {
            // Jump to the next quote or backslash; most bytes of a JSON document are inside strings.
            const char* p = data + i;
            const char* end = data + size;
            while (p < end && *p != '"' && *p != '\\')
                ++p;
            i = p - data;
            if (i >= size)
                break;
            if (*p == '\\')
                ++i; // skip the escaped character
            else
                inString = false;
            continue;
        }
        if (isJsonSpace(c))
            continue;
        if (topLevelDone) { // another top-level value (JSON lines)
            topLevelDone = false;
            lines.push_back(pack(i, 0));
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[': {
            const char close = c == '{' ? '}' : ']';
            const qsizetype next = skipSpace(data, i + 1, size);
            if (next < size && data[next] == close) { // empty container stays on its line
                i = next;
                if (open.empty())
                    topLevelDone = true;
                break;
            }
            open.push_back(close);
            if (open.size() >= (1u << kDepthBits))
                return fail(tr("nested too deeply"), i);
            if (next < size)
                lines.push_back(pack(next, quint32(open.size())));
            i = next - 1;
            break;
        }
        case '}':
        case ']':
            if (open.empty() || open.back() != c)
                return fail(tr("unexpected %1").arg(QLatin1Char(c)), i);
            open.pop_back();
            lines.push_back(pack(i, quint32(open.size())));
            if (open.empty())
                topLevelDone = true;
            break;
        case ',':
            if (open.empty())
                return fail(tr("unexpected ,"), i);
            {
                const qsizetype next = skipSpace(data, i + 1, size);
                if (next < size)
                    lines.push_back(pack(next, quint32(open.size())));
                i = next - 1;
            }
            break;
        default:
            break;
        }
    }
    if (inString)
        return fail(tr("unterminated string"), size);
    if (!open.empty())
        return fail(tr("missing %1").arg(QLatin1Char(open.back())), size);
    lines.shrink_to_fit();
    return {std::move(index), {}, false};
}

qint64 LineIndex::lineStart(qsizetype line) const
{
    return qint64(m_lines[size_t(line)] >> kDepthBits);
}

qsizetype LineIndex::lineAt(qint64 offset) const
{
    const auto it = std::upper_bound(m_lines.begin(), m_lines.end(), offset,
                                     [](qint64 off, quint64 packed) { return off < qint64(packed >> kDepthBits); });
    return std::max<qsizetype>(0, (it - m_lines.begin()) - 1);
}

QString LineIndex::lineText(qsizetype line) const
{
    if (line < 0 || line >= lineCount())
        return {};
    const qint64 start = lineStart(line);
    qint64 end = line + 1 < lineCount() ? lineStart(line + 1) : m_body.size();
    const char* data = m_body.constData();
    if (m_kind == Kind::Raw) {
        if (end > start && data[end - 1] == '\n')
            --end;
        if (end > start && data[end - 1] == '\r')
            --end;
        const bool cut = end - start > kMaxLineChars;
        QString text = QString::fromUtf8(data + start, cut ? kMaxLineChars : end - start);
        if (cut)
            text += QStringLiteral(" …");
        return text;
    }
    // Pretty JSON: indentation, then the source bytes without insignificant whitespace, a space after ':'.
    const quint32 depth = quint32(m_lines[size_t(line)] & ((1u << kDepthBits) - 1));
    QByteArray out;
    const qsizetype indent = std::min<qsizetype>(qsizetype(depth) * 2, kMaxLineChars / 2);
    out.reserve(std::min<qsizetype>(indent + (end - start) + 8, kMaxLineChars + 8));
    out.fill(' ', indent);
    bool inString = false;
    for (qint64 i = start; i < end && out.size() < kMaxLineChars; ++i) {
        const char c = data[i];
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < end)
                out.append(data[++i]);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isJsonSpace(c))
            continue;
        out.append(c);
        if (c == '"')
            inString = true;
        else if (c == ':')
            out.append(' ');
    }
    QString text = QString::fromUtf8(out);
    if (out.size() >= kMaxLineChars)
        text += QStringLiteral(" …");
    return text;
}

} // namespace tb::ui
