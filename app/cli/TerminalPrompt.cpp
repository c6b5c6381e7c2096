#include "cli/TerminalPrompt.h"

#include <QFile>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace tb::cli {

std::optional<QByteArray> askHidden(const QString& prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY);
    if (fd < 0)
        return std::nullopt;
    termios saved{};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (!isTerminal) {
        ::close(fd);
        return std::nullopt;
    }
    const QByteArray text = prompt.toLocal8Bit();
    if (::write(fd, text.constData(), static_cast<size_t>(text.size())) < 0) {
        ::close(fd);
        return std::nullopt;
    }
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(fd, TCSAFLUSH, &silent);
    QByteArray answer;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
        answer.append(c);
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    if (::write(fd, "\n", 1) < 0) {
        // nothing to do: the answer is read already
    }
    ::close(fd);
    return answer;
}

QByteArray readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray data = in.readAll();
    while (data.endsWith('\n') || data.endsWith('\r'))
        data.chop(1);
    return data;
}

} // namespace tb::cli
