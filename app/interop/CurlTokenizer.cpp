#include "interop/CurlTokenizer.h"

namespace tb {

namespace {

bool isNameStart(QChar c)
{
    return c == u'_' || (c.unicode() < 128 && c.isLetter());
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c.unicode() < 128 && c.isDigit());
}

class Tokenizer
{
public:
    explicit Tokenizer(const QString& text) : m_text(text) {}

    CurlTokenizer::Result run()
    {
        while (m_pos < m_text.size() && m_result.error.isEmpty()) {
            const QChar c = m_text.at(m_pos);
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
                endWord();
                ++m_pos;
            } else if (c == u';' || c == u'|' || c == u'&') {
                // The end of the curl command: what follows (; echo, | jq, && ...) is another command.
                endWord();
                const QString rest = m_text.mid(m_pos).trimmed();
                m_result.ignored << rest;
                m_pos = m_text.size();
            } else if ((c == u'>' || c == u'<') && !m_inWord) {
                // A redirection (> out.json, 2>/dev/null): not part of the request.
                skipRedirection();
            } else if (c == u'#' && !m_inWord) {
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n') {
                    ++m_pos;
                }
            } else if (c == u'\\') {
                backslash();
            } else if (c == u'\'') {
                singleQuoted();
            } else if (c == u'"') {
                doubleQuoted();
            } else if (c == u'$' && peek(1) == u'\'') {
                ++m_pos;
                ansiC();
            } else if (c == u'$' && variable()) {
                // consumed
            } else {
                append(c);
                ++m_pos;
            }
        }
        endWord();
        return m_result;
    }

private:
    QChar peek(int offset) const
    {
        const qsizetype i = m_pos + offset;
        return i < m_text.size() ? m_text.at(i) : QChar();
    }

    void skipRedirection()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && (m_text.at(m_pos) == u'>' || m_text.at(m_pos) == u'<' ||
                                         m_text.at(m_pos) == u'&' || m_text.at(m_pos) == u' ')) {
            ++m_pos;
        }
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace()) {
            ++m_pos;
        }
        m_result.ignored << m_text.mid(start, m_pos - start).trimmed();
    }

    void append(QChar c)
    {
        m_word += c;
        m_inWord = true;
    }

    void endWord()
    {
        if (m_inWord) {
            m_result.args << m_word;
        }
        m_word.clear();
        m_inWord = false;
    }

    // Returns true after consuming a line continuation (backslash, optional CR, newline).
    bool continuation()
    {
        if (peek(1) == u'\n') {
            m_pos += 2;
            return true;
        }
        if (peek(1) == u'\r' && peek(2) == u'\n') {
            m_pos += 3;
            return true;
        }
        return false;
    }

    void backslash()
    {
        if (continuation()) {
            return;
        }
        if (m_pos + 1 < m_text.size()) {
            append(m_text.at(m_pos + 1));
        }
        m_pos += 2;
    }

    void unterminated(const char16_t* what)
    {
        m_result.error = QStringLiteral("unterminated %1 quote").arg(QStringView(what));
    }

    void singleQuoted()
    {
        const qsizetype end = m_text.indexOf(u'\'', m_pos + 1);
        if (end < 0) {
            unterminated(u"single");
            return;
        }
        m_word += m_text.mid(m_pos + 1, end - m_pos - 1);
        m_inWord = true;
        m_pos = end + 1;
    }

    void doubleQuoted()
    {
        m_inWord = true;
        ++m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'"') {
                ++m_pos;
                return;
            }
            if (c == u'\\') {
                if (continuation()) {
                    continue;
                }
                const QChar next = peek(1);
                if (next == u'"' || next == u'\\' || next == u'$' || next == u'`') {
                    m_word += next;
                    m_pos += 2;
                    continue;
                }
                m_word += c; // other backslashes stay, as in sh
                ++m_pos;
                continue;
            }
            if (c == u'$' && variable()) {
                continue;
            }
            m_word += c;
            ++m_pos;
        }
        unterminated(u"double");
    }

    // $NAME or ${NAME} at m_pos; anything else is a literal '$'.
    bool variable()
    {
        qsizetype start = m_pos + 1;
        const bool braced = peek(1) == u'{';
        if (braced) {
            ++start;
        }
        qsizetype end = start;
        if (end >= m_text.size() || !isNameStart(m_text.at(end))) {
            return false;
        }
        while (end < m_text.size() && isNameChar(m_text.at(end))) {
            ++end;
        }
        if (braced && (end >= m_text.size() || m_text.at(end) != u'}')) {
            return false;
        }
        const QString name = m_text.mid(start, end - start);
        m_word += QStringLiteral("{{%1}}").arg(name);
        m_inWord = true;
        m_result.variables << name;
        m_pos = braced ? end + 1 : end;
        return true;
    }

    int hexDigits(int maxDigits, uint& value)
    {
        int n = 0;
        value = 0;
        while (n < maxDigits && m_pos < m_text.size()) {
            const int digit = QStringView(m_text).mid(m_pos, 1).toInt(nullptr, 16);
            const QChar c = m_text.at(m_pos);
            const bool isHex = c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f');
            if (!isHex || c.unicode() > 127) {
                break;
            }
            value = value * 16 + uint(digit);
            ++m_pos;
            ++n;
        }
        return n;
    }

    // $'...': m_pos is at the opening quote. Byte escapes (\xHH, octal) are collected as UTF-8 bytes, because that
    // is how browsers write non-ASCII text: $'caf\xc3\xa9'.
    void ansiC()
    {
        m_inWord = true;
        ++m_pos;
        QByteArray bytes;
        auto flushBytes = [&] {
            if (!bytes.isEmpty()) {
                m_word += QString::fromUtf8(bytes);
                bytes.clear();
            }
        };
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'\'') {
                flushBytes();
                ++m_pos;
                return;
            }
            if (c != u'\\') {
                flushBytes();
                m_word += c;
                ++m_pos;
                continue;
            }
            const QChar e = peek(1);
            m_pos += 2;
            uint value = 0;
            switch (e.unicode()) {
            case u'n':
                flushBytes();
                m_word += u'\n';
                break;
            case u't':
                flushBytes();
                m_word += u'\t';
                break;
            case u'r':
                flushBytes();
                m_word += u'\r';
                break;
            case u'a':
                flushBytes();
                m_word += QChar(7);
                break;
            case u'b':
                flushBytes();
                m_word += QChar(8);
                break;
            case u'f':
                flushBytes();
                m_word += QChar(12);
                break;
            case u'v':
                flushBytes();
                m_word += QChar(11);
                break;
            case u'e':
            case u'E':
                flushBytes();
                m_word += QChar(27);
                break;
            case u'x':
                if (hexDigits(2, value) > 0) {
                    bytes += char(value);
                } else {
                    flushBytes();
                    m_word += QStringLiteral("\\x");
                }
                break;
            case u'u':
            case u'U':
                flushBytes();
                if (hexDigits(e == u'u' ? 4 : 8, value) > 0) {
                    const char32_t cp = value;
                    m_word += QString::fromUcs4(&cp, 1);
                } else {
                    m_word += u'\\';
                    m_word += e;
                }
                break;
            case u'0':
            case u'1':
            case u'2':
            case u'3':
            case u'4':
            case u'5':
            case u'6':
            case u'7': {
                value = e.unicode() - u'0';
                for (int i = 0; i < 2 && m_pos < m_text.size() && m_text.at(m_pos) >= u'0' && m_text.at(m_pos) <= u'7';
                     ++i, ++m_pos) {
                    value = value * 8 + (m_text.at(m_pos).unicode() - u'0');
                }
                bytes += char(value & 0xff);
                break;
            }
            case u'\\':
            case u'\'':
            case u'"':
            case u'?':
                flushBytes();
                m_word += e;
                break;
            default:
                flushBytes();
                m_word += u'\\';
                if (!e.isNull()) {
                    m_word += e;
                }
            }
        }
        unterminated(u"$'...'");
    }

    const QString& m_text;
    qsizetype m_pos = 0;
    QString m_word;
    bool m_inWord = false;
    CurlTokenizer::Result m_result;
};

} // namespace

CurlTokenizer::Result CurlTokenizer::tokenize(const QString& command)
{
    return Tokenizer(command).run();
}

} // namespace tb
