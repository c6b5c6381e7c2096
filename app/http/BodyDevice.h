#pragma once

#include <QFile>
#include <QIODevice>
#include <QList>

#include <memory>

namespace tb {

// A request body made of in-memory pieces and files, read in sequence without loading the files: a multipart
// upload of a large file streams from disk. Random access (seek) so the network stack can rewind it to resend
// the body after a 307/308 redirect.
class BodyDevice : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyDevice)

public:
    struct Segment
    {
        QByteArray bytes;
        QString filePath; // when set, the segment is this file's content
        qint64 size = 0;
    };

    explicit BodyDevice(QList<Segment> segments, QObject* parent = nullptr);
    ~BodyDevice() override;

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_size; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QList<Segment> m_segments;
    qint64 m_size = 0;
    qint64 m_position = 0;
    std::unique_ptr<QFile> m_file; // the file segment being read
    qsizetype m_fileSegment = -1;
};

} // namespace tb
