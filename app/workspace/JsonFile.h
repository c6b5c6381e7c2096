#pragma once

#include "workspace/FileIssue.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

#include <optional>

namespace tb {

// The one place workspace files are turned into bytes and back. The text is made for git: keys in a fixed order
// (known keys first in a readable order, then the others alphabetically), 2-space indentation, a final newline, and
// nothing that changes between two saves of the same model.
class JsonFile
{
public:
    struct ReadResult
    {
        QJsonDocument document;
        std::optional<FileIssue> issue; // set when the file cannot be read or parsed
    };

    enum class WriteOutcome
    {
        Unchanged,
        Written,
        Failed
    };
    struct WriteResult
    {
        WriteOutcome outcome = WriteOutcome::Failed;
        QString error;
    };

    static QByteArray serialize(const QJsonValue& value);
    static ReadResult parse(const QByteArray& bytes, const QString& path);
    static ReadResult read(const QString& path);

    // Writes through a temporary file and a rename (QSaveFile), so a crash never leaves half a file. Leaves the file
    // alone, modification time included, when it already holds exactly these bytes.
    static WriteResult writeIfChanged(const QString& path, const QByteArray& bytes);
};

} // namespace tb
