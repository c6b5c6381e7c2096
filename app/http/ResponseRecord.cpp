#include "http/ResponseRecord.h"

#include "core/NameTable.h"

#include <QFile>

#include <array>
#include <utility>

namespace tb {

struct ResponseRecord::FileRemover
{
    QString path;
    explicit FileRemover(QString p) : path(std::move(p)) {}
    ~FileRemover() { QFile::remove(path); } // harmless when the holder renamed the file away
    Q_DISABLE_COPY_MOVE(FileRemover)
};

QByteArray ResponseRecord::headerValue(QByteArrayView name) const
{
    for (const HttpHeader& h : headers) {
        if (name.compare(h.name, Qt::CaseInsensitive) == 0) {
            return h.value;
        }
    }
    return {};
}

QByteArray ResponseRecord::readBody(qint64 maxBytes) const
{
    if (!bodyOnDisk()) {
        return maxBytes >= 0 ? body.left(maxBytes) : body;
    }
    QFile file(bodyFilePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return maxBytes >= 0 ? file.read(maxBytes) : file.readAll();
}

void ResponseRecord::adoptBodyFile(const QString& path)
{
    bodyFilePath = path;
    m_bodyFileOwner = std::make_shared<const FileRemover>(path);
}

QString ResponseRecord::errorKindName(ErrorKind kind)
{
    static constexpr std::array<std::pair<ErrorKind, const char16_t*>, 13> names{{
        {ErrorKind::None, u"none"},
        {ErrorKind::InvalidRequest, u"invalid-request"},
        {ErrorKind::UnresolvedVariable, u"unresolved-variable"},
        {ErrorKind::File, u"file"},
        {ErrorKind::Auth, u"auth"},
        {ErrorKind::Connection, u"connection"},
        {ErrorKind::Tls, u"tls"},
        {ErrorKind::Timeout, u"timeout"},
        {ErrorKind::Protocol, u"protocol"},
        {ErrorKind::TooManyRedirects, u"too-many-redirects"},
        {ErrorKind::Proxy, u"proxy"},
        {ErrorKind::Canceled, u"canceled"},
        {ErrorKind::Other, u"other"},
    }};
    return nameFromTable(names, kind);
}

bool operator==(const ResponseRecord& a, const ResponseRecord& b)
{
    return a.status == b.status && a.reason == b.reason && a.httpVersion == b.httpVersion && a.headers == b.headers &&
           a.body == b.body && a.bodyFilePath == b.bodyFilePath && a.bodySize == b.bodySize &&
           a.headerSize == b.headerSize && a.finalUrl == b.finalUrl && a.redirectCount == b.redirectCount &&
           a.sentAt == b.sentAt && a.totalMs == b.totalMs && a.timeToFirstByteMs == b.timeToFirstByteMs &&
           a.request == b.request && a.error == b.error && a.errorMessage == b.errorMessage;
}

} // namespace tb
