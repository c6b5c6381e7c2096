#include "http/ResponseRecord.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

class TestResponseRecord : public QObject
{
    Q_OBJECT

private slots:
    void headerLookupIsCaseInsensitive()
    {
        ResponseRecord r;
        r.headers = {{"Content-Type", "application/json"}, {"Set-Cookie", "a=1"}, {"set-cookie", "b=2"}};
        QCOMPARE(r.headerValue("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headerValue("SET-COOKIE"), QByteArray("a=1"));
        QVERIFY(r.headerValue("X-Missing").isNull());
    }

    void bodyFileLivesAsLongAsACopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("body"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("streamed body");
        }
        ResponseRecord copy;
        {
            ResponseRecord r;
            r.adoptBodyFile(path);
            QVERIFY(r.bodyOnDisk());
            QCOMPARE(r.readBody(), QByteArray("streamed body"));
            QCOMPARE(r.readBody(8), QByteArray("streamed"));
            copy = r;
            QCOMPARE(copy, r);
        }
        QVERIFY(QFile::exists(path));
        copy = ResponseRecord();
        QVERIFY(!QFile::exists(path));
    }

    void memoryBody()
    {
        ResponseRecord r;
        r.body = "hello";
        QVERIFY(!r.bodyOnDisk());
        QCOMPARE(r.readBody(2), QByteArray("he"));
        ResponseRecord other = r;
        other.error = ResponseRecord::ErrorKind::Timeout;
        QVERIFY(!(other == r));
        QCOMPARE(ResponseRecord::errorKindName(ResponseRecord::ErrorKind::Tls), QStringLiteral("tls"));
    }
};

QTEST_GUILESS_MAIN(TestResponseRecord)
#include "TestResponseRecord.moc"
