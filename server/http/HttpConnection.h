#pragma once

#include "server/http/HttpLimits.h"
#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace tb::server {

// Replies to one request. Safe to call after the connection is gone (the reply is dropped); the first call wins.
using Responder = std::function<void(HttpResponse)>;
using RequestHandler = std::function<void(const HttpRequest&, Responder)>;

struct RequestLogEntry
{
    QByteArray method;
    QByteArray path; // never the query string: it may carry access_token
    int status = 0;
    double milliseconds = 0;
};

// One client connection: a strict HTTP/1.1 parser (request line, headers, Content-Length or chunked body),
// keep-alive, pipelined requests answered in order one at a time, Connection: close, Expect: 100-continue,
// body and header limits, idle timeout. Malformed input gets 400 and the connection closes.
class HttpConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket* socket, bool secure, const HttpLimits& limits, RequestHandler handler,
                   std::function<void(const RequestLogEntry&)> log, QObject* parent = nullptr);
    ~HttpConnection() override;

    void closeNow();

signals:
    void closed();

private:
    enum class State
    {
        ReadingHead,
        ReadingBody,
        ReadingChunked,
        Dispatched,
        Closing
    };
    enum class ParseResult
    {
        NeedMore,
        Ready,
        Failed
    };

    void onReadyRead();
    void processBuffer();
    ParseResult parseHead();
    ParseResult parseChunked();
    void dispatch();
    void respond(quint64 generation, HttpResponse response);
    void fail(int status, const QByteArray& message);
    void send(HttpResponse& response, bool close);
    void startIdleTimer();

    QTcpSocket* m_socket;
    bool m_secure;
    HttpLimits m_limits;
    RequestHandler m_handler;
    std::function<void(const RequestLogEntry&)> m_log;
    QTimer m_idleTimer;
    QByteArray m_buffer;
    State m_state = State::ReadingHead;
    HttpRequest m_request;
    qint64 m_contentLength = 0;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_closed = false;
    quint64 m_generation = 0;
    QElapsedTimer m_requestTimer;
};

} // namespace tb::server
