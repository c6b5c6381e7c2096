#include "auth/LoopbackRedirectReceiver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using tb::LoopbackRedirectReceiver;

class TestLoopbackRedirectReceiver : public QObject
{
    Q_OBJECT

private slots:
    void codesWithSlashAndPlusSurvive()
    {
        const auto params = LoopbackRedirectReceiver::parseQuery("code=ab%2Fc+d%2Be/f&state=x%3Dy&empty=&flag");
        QCOMPARE(LoopbackRedirectReceiver::value(params, QStringLiteral("code")), QStringLiteral("ab/c+d+e/f"));
        QCOMPARE(LoopbackRedirectReceiver::value(params, QStringLiteral("state")), QStringLiteral("x=y"));
        QCOMPARE(params.size(), 4);
    }

    void answersTheBrowserAndIgnoresOtherPaths()
    {
        LoopbackRedirectReceiver receiver;
        QVERIFY(receiver.listen(0, QStringLiteral("cb")));
        QVERIFY(receiver.redirectUri().startsWith(u"http://127.0.0.1:"));
        QVERIFY(receiver.redirectUri().endsWith(u"/cb"));
        QSignalSpy received(&receiver, &LoopbackRedirectReceiver::redirectReceived);
        QNetworkAccessManager network;
        auto get = [&](const QString& path) {
            QNetworkReply* reply =
                network.get(QNetworkRequest(QUrl(receiver.redirectUri().replace(QStringLiteral("/cb"), path))));
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(5000);
            reply->deleteLater();
            return std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        };
        QCOMPARE(get(QStringLiteral("/favicon.ico")).first, 404);
        QCOMPARE(received.count(), 0);
        const auto [status, page] = get(QStringLiteral("/cb?code=a%2Bb&state=s"));
        QCOMPARE(status, 200);
        QVERIFY(page.contains("You can close this tab"));
        QCOMPARE(received.count(), 1);
        const auto params = received.first().first().value<LoopbackRedirectReceiver::Params>();
        QCOMPARE(LoopbackRedirectReceiver::value(params, QStringLiteral("code")), QStringLiteral("a+b"));
        QVERIFY(!receiver.isListening()); // one redirect only
    }
};

QTEST_GUILESS_MAIN(TestLoopbackRedirectReceiver)
#include "TestLoopbackRedirectReceiver.moc"
