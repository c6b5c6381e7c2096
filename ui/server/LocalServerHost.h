#pragma once

#include "server/Server.h"

#include <QObject>

#include <memory>

namespace tb::ui {

// The server's owner on the worker thread: created there by LocalServerController, deleted there when the thread
// ends (which stops the server).
class LocalServerHost : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerHost)

public:
    LocalServerHost() = default;
    ~LocalServerHost() override;

    std::unique_ptr<server::Server> server;
};

} // namespace tb::ui
