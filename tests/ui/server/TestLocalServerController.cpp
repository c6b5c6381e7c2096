#include "server/LocalServerController.h"
#include "support/HttpTestClient.h"
#include "support/LocalOAuthServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tb::test::HttpTestClient;
using tb::test::LocalOAuthServer;
using tb::ui::LocalServerController;

// The in-process server keeps its users, clients and tokens in a file when given one, so a token the app kept in
// the keychain still works after the app (and its server) restarts; without a file everything is gone.
class TestLocalServerController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void startAndWait(LocalServerController& controller, const QString& databasePath)
    {
        LocalServerController::Settings settings;
        settings.port = 0;
        settings.passwordIterations = 1000;
        settings.databasePath = databasePath;
        controller.start(settings);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), LocalServerController::State::Running, 20000);
    }
    static void stopAndWait(LocalServerController& controller)
    {
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), LocalServerController::State::Stopped, 20000);
    }
    static QString passwordToken(quint16 port)
    {
        HttpTestClient client(port);
        const auto response = client.postForm("/o/token/",
                                              {{u"grant_type"_qs, u"password"_qs},
                                               {u"username"_qs, LocalOAuthServer::demoUsername()},
                                               {u"password"_qs, LocalOAuthServer::demoPassword()}},
                                              {LocalOAuthServer::passwordClientAuth()});
        if (response.status != 200)
            return {};
        return QJsonDocument::fromJson(response.body).object().value(u"access_token"_qs).toString();
    }
    static int usersStatus(quint16 port, const QString& token)
    {
        return HttpTestClient::fetch(port, "GET", "/api/users/", {"Authorization: Bearer " + token.toLatin1()}).status;
    }

    // Returns the status of /api/users/ with a token obtained before a restart of the server.
    int statusAfterRestart(const QString& databasePath)
    {
        LocalServerController controller;
        startAndWait(controller, databasePath);
        const QString token = passwordToken(controller.port());
        if (token.isEmpty() || usersStatus(controller.port(), token) != 200)
            return -1;
        stopAndWait(controller);
        startAndWait(controller, databasePath);
        return usersStatus(controller.port(), token);
    }

private slots:
    void keepsTokensInItsDatabaseFile()
    {
        const QString path = m_dir.filePath(u"data/local-server.sqlite3"_qs); // the folder does not exist yet
        QCOMPARE(statusAfterRestart(path), 200);
        QVERIFY(QFile::exists(path));
    }

    void forgetsTokensWithoutAFile() { QCOMPARE(statusAfterRestart(QString()), 401); }

    void reportsADatabaseItCannotOpen()
    {
        QFile blocker(m_dir.filePath(u"blocker"_qs)); // a file where the folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        LocalServerController controller;
        LocalServerController::Settings settings;
        settings.port = 0;
        settings.databasePath = m_dir.filePath(u"blocker/local-server.sqlite3"_qs);
        controller.start(settings);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), LocalServerController::State::Failed, 20000);
        QVERIFY2(controller.describe().contains(u"local-server.sqlite3"_qs), qPrintable(controller.describe()));
    }
};

QTEST_GUILESS_MAIN(TestLocalServerController)
#include "TestLocalServerController.moc"
