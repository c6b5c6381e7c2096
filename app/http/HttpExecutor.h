#pragma once

#include "http/RequestSpec.h"
#include "http/ResponseRecord.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <map>
#include <memory>

class QNetworkAccessManager;

namespace tb {

// Sends requests on one shared QNetworkAccessManager and reports each as a ResponseRecord.
//
//   send(spec) -> id ... downloadProgress(id, ...) ... finished(id, record)    (always exactly one finished)
//
// The spec must be resolved already (VariableResolver). Auth kinds None, Bearer, Basic and ApiKey are applied
// here; Inherit counts as None (the workspace replaces it with the folder's auth before). OAuth2 must be turned
// into Bearer by the caller first (the TokenManager does), otherwise the request fails with ErrorKind::Auth and
// nothing is sent.
//
// Headers: rows are sent in order, but QNetworkRequest keeps one value per name, so a repeated name goes out as
// one line with the values joined by ", " (RFC 9110 section 5.3 makes that equivalent; Cookie values are joined
// by "; " as RFC 6265 section 5.4 requires). The network stack adds Host, Content-Length, Connection,
// Accept-Encoding (it then decodes the body) and Accept-Language where the request has none; we add
// User-Agent: tokenbench/VERSION and Accept: */* where the request has none. No cookies are stored or added
// automatically: what you set is what is sent.
//
// Timeouts: the connect timeout runs from sending until the request has gone out (DNS, TCP, TLS); the total
// timeout until the last byte. Redirects: we follow them ourselves, up to options.maxRedirects (never from https
// to http; Authorization and Cookie are dropped when the origin changes, because Qt's own redirect handling
// would forward them; 303, and 301/302 after POST, continue as GET); with 0 the 3xx itself is the response. TLS errors
// fail the request with the certificate's subject and the reason, unless options.ignoreTlsErrors. Proxy: System
// (environment / desktop settings), None or Explicit; requests with a non-system proxy use a network manager of their
// own per proxy (QNAM holds one proxy setting). Response bodies larger than streamThreshold() go to a temporary file
// (ResponseRecord::bodyFilePath) as they arrive; the reply's read buffer is bounded, so memory stays flat whatever the
// size.
class HttpExecutor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExecutor)

public:
    using RequestId = quint64;
    static constexpr qint64 kDefaultStreamThreshold = 8 * 1024 * 1024;

    explicit HttpExecutor(QObject* parent = nullptr);
    ~HttpExecutor() override;

    RequestId send(const RequestSpec& request);
    // The request ends with ErrorKind::Canceled (finished is emitted before cancel returns).
    void cancel(RequestId id);
    void cancelAll();
    int activeCount() const { return int(m_calls.size()); }

    void setStreamThreshold(qint64 bytes) { m_streamThreshold = bytes; }
    qint64 streamThreshold() const { return m_streamThreshold; }
    void setTemporaryDirectory(const QString& path) { m_tempDir = path; }
    QString temporaryDirectory() const;

    QNetworkAccessManager* networkAccessManager() const { return m_nam.get(); }

signals:
    void downloadProgress(tb::HttpExecutor::RequestId id, qint64 received, qint64 total);
    void uploadProgress(tb::HttpExecutor::RequestId id, qint64 sent, qint64 total);
    void finished(tb::HttpExecutor::RequestId id, const tb::ResponseRecord& record);

private:
    struct Call;

    QNetworkAccessManager* managerFor(const ProxySpec& proxy, QString& error);
    void failBeforeSending(RequestId id, ResponseRecord record);
    void startReply(Call& call);
    bool followRedirect(Call& call);
    void onMetaData(Call& call);
    void onReadyRead(Call& call);
    void onFinished(RequestId id);
    void abortCall(Call& call, ResponseRecord::ErrorKind kind, const QString& message);
    bool switchToFile(Call& call);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::map<QString, std::unique_ptr<QNetworkAccessManager>> m_proxyNams;
    std::map<RequestId, std::unique_ptr<Call>> m_calls;
    RequestId m_nextId = 1;
    qint64 m_streamThreshold = kDefaultStreamThreshold;
    QString m_tempDir;
};

} // namespace tb
