#include "http/BodyDevice.h"

namespace tb {

BodyDevice::BodyDevice(QList<Segment> segments, QObject* parent) : QIODevice(parent), m_segments(std::move(segments))
{
    for (const Segment& s : m_segments) {
        m_size += s.size;
    }
}

BodyDevice::~BodyDevice() = default;

bool BodyDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_size) {
        return false;
    }
    m_position = pos;
    return QIODevice::seek(pos);
}

qint64 BodyDevice::readData(char* data, qint64 maxSize)
{
    qint64 done = 0;
    qint64 segmentStart = 0;
    for (qsizetype i = 0; i < m_segments.size() && done < maxSize; ++i) {
        const Segment& s = m_segments[i];
        const qint64 segmentEnd = segmentStart + s.size;
        if (m_position >= segmentEnd) {
            segmentStart = segmentEnd;
            continue;
        }
        const qint64 offset = m_position - segmentStart;
        const qint64 want = std::min(maxSize - done, s.size - offset);
        qint64 got = 0;
        if (s.filePath.isEmpty()) {
            memcpy(data + done, s.bytes.constData() + offset, size_t(want));
            got = want;
        } else {
            if (m_fileSegment != i) {
                m_file = std::make_unique<QFile>(s.filePath);
                m_fileSegment = i;
                if (!m_file->open(QIODevice::ReadOnly)) {
                    setErrorString(m_file->errorString());
                    return -1;
                }
            }
            if (!m_file->seek(offset)) {
                return -1;
            }
            got = m_file->read(data + done, want);
            if (got <= 0) { // the file shrank or vanished since it was measured
                setErrorString(QStringLiteral("cannot read %1: %2").arg(s.filePath, m_file->errorString()));
                return -1;
            }
        }
        done += got;
        m_position += got;
        segmentStart = segmentEnd;
    }
    return done;
}

} // namespace tb
