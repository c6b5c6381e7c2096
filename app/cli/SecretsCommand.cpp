#include "cli/SecretsCommand.h"

#include "cli/TerminalPrompt.h"
#include "secrets/SecretStore.h"
#include "workspace/WorkspaceStore.h"

#include <QFileInfo>
#include <QTextStream>

namespace tb::cli {

SecretsCommand::SecretsCommand(QObject* parent) : Command(parent)
{
    m_parser.setApplicationDescription(QStringLiteral("Where secrets are kept: secrets status|set|delete"));
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("status|set|delete"));
    m_parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("set/delete: the secret's name"));
    m_options.addTo(m_parser);
}

SecretsCommand::~SecretsCommand() = default;

void SecretsCommand::start(const QStringList& arguments)
{
    QTextStream err(stderr);
    if (!m_parser.parse(QStringList{QStringLiteral("tokenbench-cli secrets")} + arguments)) {
        err << "tokenbench-cli secrets: " << m_parser.errorText() << "\n";
        return finish(2);
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << m_parser.helpText();
        return finish(0);
    }
    const QStringList positional = m_parser.positionalArguments();
    const QString action = positional.value(0);
    const QString name = positional.value(1);
    if (action != u"status" && action != u"set" && action != u"delete") {
        err << "tokenbench-cli secrets: say what to do: status, set or delete\n";
        return finish(2);
    }
    if (action != u"status" && (name.isEmpty() || m_parser.value(QStringLiteral("profile")).isEmpty())) {
        err << "tokenbench-cli secrets " << action << ": needs --profile PROFILE and the secret's NAME\n";
        return finish(2);
    }
    m_session.openStore(m_parser, m_options, [this, action, name](const QString& error) {
        QTextStream out(stdout);
        QTextStream errors(stderr);
        if (action == u"status") {
            for (const QString& note : m_session.storeNotes())
                out << "note: " << note << "\n";
            if (!error.isEmpty()) {
                out << "store: none\n";
                errors << "tokenbench-cli secrets status: " << error << "\n";
                return finish(1);
            }
            out << "store: " << SecretStore::kindName(m_session.store()->kind()) << "\n";
            out << "where: " << m_session.store()->description() << "\n";
            return finish(0);
        }
        if (!error.isEmpty()) {
            errors << "tokenbench-cli secrets " << action << ": " << error << "\n";
            return finish(1);
        }
        QString workspaceId = QStringLiteral("cli");
        if (m_parser.isSet(QStringLiteral("workspace"))) {
            const QString dir = m_parser.value(QStringLiteral("workspace"));
            const auto ws = WorkspaceStore::load(dir);
            if (!ws.ok()) {
                errors << "tokenbench-cli secrets: cannot open the workspace " << dir << ": " << ws.error << "\n";
                return finish(1);
            }
            workspaceId = ProfileOptions::workspaceId(dir, ws.workspace.id);
        }
        const QString key = SecretStore::keyFor(workspaceId, m_parser.value(QStringLiteral("profile")), name);
        auto report = [this, action, name](const SecretResult& result) {
            if (!result.ok()) {
                QTextStream(stderr) << "tokenbench-cli secrets " << action << ": " << result.error << "\n";
                return finish(1);
            }
            QTextStream(stdout) << (action == u"set" ? "stored " : "deleted ") << name << " in the "
                                << SecretStore::kindName(m_session.store()->kind()) << "\n";
            finish(0);
        };
        if (action == u"delete")
            return m_session.store()->remove(key, this, report);
        const QByteArray value = readStdin();
        if (value.isEmpty()) {
            errors << "tokenbench-cli secrets set: nothing on stdin (pipe the value in: ... | tokenbench-cli secrets "
                      "set ...)\n";
            return finish(2);
        }
        m_session.store()->write(key, value, this, report);
    });
}

} // namespace tb::cli
