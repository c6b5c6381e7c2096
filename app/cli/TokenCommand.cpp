#include "cli/TokenCommand.h"

#include "auth/JwtView.h"
#include "auth/TokenManager.h"
#include "core/Clock.h"
#include "secrets/SecretStore.h"

#include <QJsonDocument>
#include <QTextStream>

namespace tb::cli {

namespace {

const QStringList actions = {QStringLiteral("get"),        QStringLiteral("refresh"), QStringLiteral("revoke"),
                             QStringLiteral("introspect"), QStringLiteral("show"),    QStringLiteral("clear")};

QString remaining(const TokenSet& tokens, const QDateTime& now)
{
    if (!tokens.lifetimeKnown())
        return QStringLiteral("lifetime unknown (the server sent no expires_in)");
    const qint64 left = tokens.secondsRemaining(now);
    const QString at = tokens.expiresAt.toLocalTime().toString(Qt::ISODate);
    return left > 0 ? QStringLiteral("%1 s left (expires %2)").arg(left).arg(at)
                    : QStringLiteral("expired %1 s ago (%2)").arg(-left).arg(at);
}

} // namespace

TokenCommand::TokenCommand(QObject* parent) : Command(parent)
{
    m_parser.setApplicationDescription(
        QStringLiteral("Manage OAuth 2.0 tokens: token get|refresh|revoke|introspect|show|clear"));
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(QStringLiteral("action"), actions.join(u'|'));
    m_options.addTo(m_parser);
    m_parser.addOptions({m_reveal, m_force, m_refreshToken});
}

TokenCommand::~TokenCommand() = default;

void TokenCommand::done(int exitCode)
{
    finish(exitCode);
}

void TokenCommand::start(const QStringList& arguments)
{
    QTextStream err(stderr);
    if (!m_parser.parse(QStringList{QStringLiteral("tokenbench-cli token")} + arguments)) {
        err << "tokenbench-cli token: " << m_parser.errorText() << "\n";
        return done(2);
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << m_parser.helpText();
        return done(0);
    }
    const QStringList positional = m_parser.positionalArguments();
    const QString action = positional.value(0);
    if (!actions.contains(action)) {
        err << "tokenbench-cli token: say what to do: " << actions.join(u'|') << "\n";
        return done(2);
    }
    m_session.open(m_parser, m_options, [this, action](const QString& error) {
        if (!error.isEmpty()) {
            QTextStream(stderr) << "tokenbench-cli token " << action << ": " << error << "\n";
            return done(1);
        }
        run(action);
    });
}

void TokenCommand::run(const QString& action)
{
    TokenManager* manager = m_session.manager();
    const QString name = m_session.profile().name;
    const bool reveal = m_parser.isSet(m_reveal);
    auto onAccess = [this, reveal, action](const TokenManager::Access& access) {
        if (!access.ok()) {
            QTextStream(stderr) << "tokenbench-cli token " << action << ": " << access.error->message() << "\n";
            return done(1);
        }
        report(reveal);
        done(0);
    };
    auto onDone = [this, action](const std::optional<OAuthError>& error, const QStringList& warnings) {
        QTextStream err(stderr);
        for (const QString& w : warnings)
            err << "warning: " << w << "\n";
        if (error) {
            err << "tokenbench-cli token " << action << ": " << error->message() << "\n";
            return done(1);
        }
        QTextStream(stdout) << (action == u"revoke" ? "revoked; " : "") << "the tokens of profile \""
                            << m_session.profile().name << "\" were removed here\n";
        done(0);
    };
    if (action == u"get") {
        if (m_parser.isSet(m_force))
            return manager->fetch(name, this, onAccess);
        return manager->accessToken(name, this, onAccess);
    }
    if (action == u"refresh")
        return manager->refresh(name, this, onAccess);
    if (action == u"revoke")
        return manager->revoke(name, this, onDone);
    if (action == u"clear")
        return manager->clear(name, this, onDone);
    if (action == u"show") {
        return manager->load(name, this, [this, reveal](const std::optional<OAuthError>& error, const QStringList&) {
            if (error) {
                QTextStream(stderr) << "tokenbench-cli token show: " << error->message() << "\n";
                return done(1);
            }
            report(reveal);
            done(m_session.manager()->tokens(m_session.profile().name).isEmpty() ? 1 : 0);
        });
    }
    manager->introspect(name, m_parser.isSet(m_refreshToken), this,
                        [this](const QJsonObject& json, const std::optional<OAuthError>& error) {
                            if (error) {
                                QTextStream(stderr) << "tokenbench-cli token introspect: " << error->message() << "\n";
                                return done(1);
                            }
                            QTextStream(stdout) << QJsonDocument(json).toJson(QJsonDocument::Indented);
                            done(0);
                        });
}

void TokenCommand::report(bool reveal)
{
    TokenManager* manager = m_session.manager();
    const OAuthProfile& profile = m_session.profile();
    const TokenSet tokens = manager->tokens(profile.name);
    const QDateTime now = Clock::system()->now();
    // With --reveal, stdout carries the token alone; the description goes to stderr.
    QTextStream out(reveal ? stderr : stdout);
    out << "profile: " << profile.name << " (" << OAuthProfile::grantTypeName(profile.grantType) << ")\n";
    out << "state:   " << TokenManager::stateName(manager->state(profile.name)) << "\n";
    if (tokens.isEmpty()) {
        out << "no token held";
        if (!manager->lastError(profile.name).isEmpty())
            out << "; last error: " << manager->lastError(profile.name);
        out << "\n";
    } else {
        out << "type:    " << tokens.authorizationScheme() << "\n";
        out << "scope:   " << (tokens.scope.isEmpty() ? QStringLiteral("(none)") : tokens.scope) << "\n";
        out << "expires: " << remaining(tokens, now) << "\n";
        out << "refresh: " << (tokens.hasRefreshToken() ? "a refresh token is held" : "no refresh token") << "\n";
        if (const auto jwt = JwtView::decode(tokens.accessToken))
            out << "access token is a JWT:\n" << jwt->describe(now);
        if (const auto id = JwtView::decode(tokens.idToken))
            out << "id token:\n" << id->describe(now);
    }
    out << "store:   " << SecretStore::kindName(m_session.store()->kind()) << " - " << m_session.store()->description()
        << "\n";
    out.flush();
    if (reveal && !tokens.isEmpty())
        QTextStream(stdout) << tokens.accessToken << "\n";
}

} // namespace tb::cli
