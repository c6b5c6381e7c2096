#pragma once

#include <QString>
#include <QStringList>

namespace tb {

// Splits a curl command line into arguments the way a POSIX shell would, for the commands people paste from a
// browser's "Copy as cURL" and from API docs: whitespace, '...' (literal), "..." (\" \\ \$ \` escapes), $'...'
// (ANSI-C escapes: \n \t \xHH \uHHHH \nnn ...), backslash-newline continuations (also CRLF), unquoted backslash
// escapes and # comments. A shell variable ($NAME or ${NAME}, outside single quotes) becomes the Tokenbench
// variable {{NAME}}, which is how an exported command's secrets come back. Nothing is executed or expanded.
class CurlTokenizer
{
public:
    struct Result
    {
        QStringList args;
        QStringList variables; // names of the shell variables met, in order
        QStringList ignored;   // shell syntax around the command: "| jq .", "; echo", "> out.json"
        QString error;         // an unterminated quote, for instance
        bool ok() const { return error.isEmpty(); }
    };

    static Result tokenize(const QString& command);
};

} // namespace tb
