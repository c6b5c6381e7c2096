// A real peer: Newman (Postman's runner, pinned in newman/package-lock.json and installed from the npm registry into
// the build tree) runs Tokenbench's Postman export of the demo collection against tokenbench-server --demo, and
// every request must get the status the demo expects.
#include "auth/OAuthProfile.h"
#include "interop/PostmanExporter.h"
#include "support/TestPaths.h"
#include "workspace/WorkspaceStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs a program to completion (tests may wait; library code never does). Returns stdout + stderr tail.
bool run(QProcess& process, const QString& program, const QStringList& args, int timeoutMs, QString& output)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, args);
    if (!process.waitForStarted(10'000)) {
        output = process.errorString();
        return false;
    }
    if (!finished.wait(timeoutMs)) {
        process.kill();
        finished.wait(5'000);
        output = QStringLiteral("timed out after %1 s; ").arg(timeoutMs / 1000) + QString::fromUtf8(process.readAll());
        return false;
    }
    output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestNewmanPeer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newmanRunsTheDemoCollection();
    void cleanupTestCase();

private:
    QString installNewman();
    QString startServer();
    QString fetchToken(const QString& baseUrl, const QJsonObject& seed);

    QString m_newman; // path of newman.js
    QProcess m_server;
};

// npm ci into <build>/newman-peer, once per lock file (a stamp holds the lock's hash).
QString TestNewmanPeer::installNewman()
{
    const QString source = test::sourceDir() + u"/tests/app/interop/newman"_s;
    const QString target = test::binaryDir() + u"/newman-peer"_s;
    const QByteArray lock = readFile(source + u"/package-lock.json"_s);
    const QByteArray stamp = QCryptographicHash::hash(lock, QCryptographicHash::Sha256).toHex();
    const QString newman = target + u"/node_modules/newman/bin/newman.js"_s;
    if (readFile(target + u"/.installed"_s) == stamp && QFile::exists(newman)) {
        return newman;
    }
    QDir().mkpath(target);
    for (const QString& file : {u"package.json"_s, u"package-lock.json"_s}) {
        QFile::remove(target + u'/' + file);
        if (!QFile::copy(source + u'/' + file, target + u'/' + file)) {
            return {};
        }
    }
    QProcess npm;
    npm.setWorkingDirectory(target);
    QString output;
    if (!run(npm, u"npm"_s, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s, u"--loglevel=error"_s}, 400'000, output)) {
        qWarning().noquote() << "npm ci failed (is npm installed and the npm registry reachable?):\n"
                             << output.right(2000);
        return {};
    }
    QFile stampFile(target + u"/.installed"_s);
    if (stampFile.open(QIODevice::WriteOnly)) {
        stampFile.write(stamp);
    }
    return newman;
}

QString TestNewmanPeer::startServer()
{
    const QString external = qEnvironmentVariable("TOKENBENCH_NEWMAN_SERVER"); // e.g. the Django reference peer
    if (!external.isEmpty()) {
        return external;
    }
    const QString program = test::binaryDir() + u"/server/tokenbench-server"_s;
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    // Few PBKDF2 iterations: seeding the demo users at the default count takes tens of seconds under ASan on a
    // busy machine, and this test is about the HTTP contract, not hashing.
    m_server.start(program,
                   {u"--demo"_s, u"--port"_s, u"0"_s, u"--db"_s, u":memory:"_s, u"--password-iterations"_s, u"1000"_s});
    if (!m_server.waitForStarted(10'000)) {
        qWarning("cannot start %s: %s", qPrintable(program), qPrintable(m_server.errorString()));
        return {};
    }
    static const QRegularExpression listening(u"Listening on (http://[^\\s]+)"_s);
    QByteArray seen;
    QSignalSpy output(&m_server, &QProcess::readyReadStandardOutput);
    while (true) {
        seen += m_server.readAll();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            return m.captured(1);
        }
        if (m_server.state() != QProcess::Running || !output.wait(60'000)) {
            qWarning("tokenbench-server did not say where it listens: %s", seen.constData());
            return {};
        }
    }
}

// The demo password grant, as the seed describes it (client authenticated with HTTP Basic).
QString TestNewmanPeer::fetchToken(const QString& baseUrl, const QJsonObject& seed)
{
    const Workspace demo = WorkspaceStore::load(test::sourceDir() + u"/resources/demo/workspace"_s).workspace;
    const std::optional<OAuthProfile> profile = OAuthProfile::fromJson(demo.authProfile(u"demo-password")->json);
    QString secret;
    for (const QJsonValue& c : seed.value(u"clients").toArray()) {
        if (c.toObject().value(u"client_id").toString() == profile->clientId) {
            secret = c.toObject().value(u"client_secret").toString();
        }
    }
    QString password;
    for (const QJsonValue& u : seed.value(u"users").toArray()) {
        if (u.toObject().value(u"username").toString() == profile->username) {
            password = u.toObject().value(u"password").toString();
        }
    }
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(baseUrl + u"/o/token/"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Authorization", "Basic " + (profile->clientId + u':' + secret).toUtf8().toBase64());
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"username"_s, profile->username);
    form.addQueryItem(u"password"_s, password);
    form.addQueryItem(u"scope"_s, profile->scope);
    std::unique_ptr<QNetworkReply> reply(nam.post(request, form.toString(QUrl::FullyEncoded).toUtf8()));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!done.wait(20'000)) {
        return {};
    }
    const QByteArray body = reply->readAll();
    const QString token = QJsonDocument::fromJson(body).object().value(u"access_token").toString();
    if (token.isEmpty()) {
        qWarning("no token from %s: %s", qPrintable(baseUrl), body.constData());
    }
    return token;
}

void TestNewmanPeer::initTestCase()
{
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty() || QStandardPaths::findExecutable(u"npm"_s).isEmpty()) {
        QFAIL("node and npm are needed (scripts/dev deps installs them)");
    }
    m_newman = installNewman();
    QVERIFY2(!m_newman.isEmpty(), "Newman could not be installed from the npm registry (see the npm output above)");
}

void TestNewmanPeer::newmanRunsTheDemoCollection()
{
    const QJsonObject seed =
        QJsonDocument::fromJson(readFile(test::sourceDir() + u"/resources/demo/seed.json"_s)).object();
    QVERIFY2(!seed.isEmpty(), "resources/demo/seed.json");
    const QString baseUrl = startServer();
    QVERIFY(!baseUrl.isEmpty());
    const QString token = fetchToken(baseUrl, seed);
    QVERIFY(!token.isEmpty());

    // Export exactly what a user gets from `tokenbench-cli export postman`.
    const WorkspaceStore::LoadResult demo = WorkspaceStore::load(test::sourceDir() + u"/resources/demo/workspace"_s);
    QVERIFY(demo.ok());
    const Workspace& ws = demo.workspace;
    PostmanExporter::Options options;
    options.profile = [&ws](const QString& name) -> std::optional<OAuthProfile> {
        return OAuthProfile::fromJson(ws.authProfile(name)->json);
    };
    QTemporaryDir dir;
    const QString collectionPath = dir.filePath(u"users-api.postman_collection.json"_s);
    QFile collectionFile(collectionPath);
    QVERIFY(collectionFile.open(QIODevice::WriteOnly));
    collectionFile.write(
        QJsonDocument(PostmanExporter::exportCollection(*ws.collection(u"Users API"), options)).toJson());
    collectionFile.close();

    QStringList args{m_newman,
                     u"run"_s,
                     collectionPath,
                     u"--reporters"_s,
                     u"json"_s,
                     u"--reporter-json-export"_s,
                     dir.filePath(u"report.json"_s)};
    for (const Variable& v : ws.environment(u"local")->variables) {
        args << u"--env-var"_s << v.key + u'=' + (v.key == u"base_url" ? baseUrl : v.value);
    }
    args << u"--env-var"_s << PostmanExporter::accessTokenVariable(u"demo-password"_s) + u'=' + token;
    QProcess newman;
    QString output;
    run(newman, u"node"_s, args, 120'000, output); // a failed assertion would exit 1; we check statuses ourselves
    const QJsonObject report = QJsonDocument::fromJson(readFile(dir.filePath(u"report.json"_s))).object();
    const QJsonArray executions = report.value(u"run").toObject().value(u"executions").toArray();
    QVERIFY2(!executions.isEmpty(), qPrintable(u"Newman produced no report:\n"_s + output.right(3000)));

    const QHash<QString, int> expected{
        {u"List users"_s, 401},   {u"Search by email"_s, 200}, {u"Search by username"_s, 200},
        {u"Page 2"_s, 200},       {u"Create a user"_s, 201},   {u"Get a user"_s, 200},
        {u"Patch a user"_s, 200}, {u"Delete a user"_s, 204},   {u"Without a token (401)"_s, 401},
    };
    QHash<QString, int> got;
    for (const QJsonValue& value : executions) {
        const QJsonObject execution = value.toObject();
        const QString name = execution.value(u"item").toObject().value(u"name").toString();
        got.insert(name, execution.value(u"response").toObject().value(u"code").toInt());
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(got.contains(it.key()), qPrintable(u"Newman did not run "_s + it.key()));
        QVERIFY2(got.value(it.key()) == it.value(),
                 qPrintable(
                     QStringLiteral("%1: got %2, expected %3").arg(it.key()).arg(got.value(it.key())).arg(it.value())));
    }
    QCOMPARE(got.size(), expected.size());
    // Search by email found exactly alice: the query went out as exported.
    for (const QJsonValue& value : executions) {
        const QJsonObject execution = value.toObject();
        if (execution.value(u"item").toObject().value(u"name").toString() == u"Search by email") {
            const QJsonArray stream =
                execution.value(u"response").toObject().value(u"stream").toObject().value(u"data").toArray();
            QByteArray body;
            for (const QJsonValue& byte : stream) {
                body += char(byte.toInt());
            }
            QCOMPARE(QJsonDocument::fromJson(body).object().value(u"count").toInt(), 1);
        }
    }
}

void TestNewmanPeer::cleanupTestCase()
{
    if (m_server.state() == QProcess::Running) {
        m_server.terminate();
        if (!m_server.waitForFinished(5'000)) {
            m_server.kill();
            m_server.waitForFinished(5'000);
        }
    }
}

QTEST_GUILESS_MAIN(TestNewmanPeer)
#include "TestNewmanPeer.moc"
