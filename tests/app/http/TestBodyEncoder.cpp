#include "http/BodyEncoder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tb;

class TestBodyEncoder : public QObject
{
    Q_OBJECT

private slots:
    void formEncoding_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("a") << QStringLiteral("b") << QByteArray("a=b");
        QTest::newRow("space is plus") << QStringLiteral("q") << QStringLiteral("a b") << QByteArray("q=a+b");
        QTest::newRow("plus amp equals") << QStringLiteral("k+&=") << QStringLiteral("1+1=2&3")
                                         << QByteArray("k%2B%26%3D=1%2B1%3D2%263");
        QTest::newRow("utf8") << QStringLiteral("n\u00e4me") << QStringLiteral("\u20ac \u4e2d")
                              << QByteArray("n%C3%A4me=%E2%82%AC+%E4%B8%AD");
        QTest::newRow("kept") << QStringLiteral("*-._") << QStringLiteral("~%/?") << QByteArray("*-._=%7E%25%2F%3F");
        QTest::newRow("empty value") << QStringLiteral("e") << QString() << QByteArray("e=");
    }
    void formEncoding()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QByteArray, expected);
        RequestBody body;
        body.kind = RequestBody::Kind::UrlEncoded;
        body.formRows = {{name, value, true}};
        const EncodedBody encoded = BodyEncoder::encode(body);
        QCOMPARE(encoded.contentType, QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(encoded.toByteArray(1000), expected);
    }

    void formRowsKeepOrderRepeatsAndSkipDisabled()
    {
        const QByteArray encoded = BodyEncoder::formUrlEncode({{QStringLiteral("a"), QStringLiteral("1"), true},
                                                               {QStringLiteral("x"), QStringLiteral("no"), false},
                                                               {QStringLiteral("a"), QStringLiteral("2"), true}});
        QCOMPARE(encoded, QByteArray("a=1&a=2"));
    }

    void multipartIsExact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report \"q\".bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray fileBytes("\x00\x01\r\n--B\xff", 8);
        f.write(fileBytes);
        f.close();

        RequestBody body;
        body.kind = RequestBody::Kind::Multipart;
        body.parts = {
            {MultipartRow::Kind::Text, QStringLiteral("title"), QStringLiteral("h\u00e9llo & = +"), {}, true},
            {MultipartRow::Kind::Text, QStringLiteral("off"), QStringLiteral("x"), {}, false},
            {MultipartRow::Kind::File, QStringLiteral("up\"load"), path, QStringLiteral("image/png"), true},
            {MultipartRow::Kind::Text, QStringLiteral("json"), QStringLiteral("{}"), QStringLiteral("application/json"),
             true},
        };
        const EncodedBody encoded = BodyEncoder::encode(body, "BOUNDARY");
        QVERIFY(encoded.ok());
        QCOMPARE(encoded.contentType, QByteArray("multipart/form-data; boundary=BOUNDARY"));
        const QByteArray expected = "--BOUNDARY\r\n"
                                    "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                                    "h\xc3\xa9llo & = +\r\n"
                                    "--BOUNDARY\r\n"
                                    "Content-Disposition: form-data; name=\"up%22load\"; "
                                    "filename=\"report %22q%22.bin\"\r\n"
                                    "Content-Type: image/png\r\n\r\n" +
                                    fileBytes +
                                    "\r\n"
                                    "--BOUNDARY\r\n"
                                    "Content-Disposition: form-data; name=\"json\"\r\n"
                                    "Content-Type: application/json\r\n\r\n"
                                    "{}\r\n"
                                    "--BOUNDARY--\r\n";
        QCOMPARE(encoded.toByteArray(10'000), expected);
        QCOMPARE(encoded.size, qint64(expected.size()));

        // Read in odd-sized chunks and after a rewind, as the network stack does for a redirect.
        auto device = encoded.openDevice();
        QByteArray chunked;
        while (!device->atEnd()) {
            chunked += device->read(7);
        }
        QCOMPARE(chunked, expected);
        QVERIFY(device->seek(0));
        QCOMPARE(device->readAll(), expected);
    }

    void randomBoundaryAvoidsContent()
    {
        RequestBody body;
        body.kind = RequestBody::Kind::Multipart;
        body.parts = {{MultipartRow::Kind::Text, QStringLiteral("a"), QStringLiteral("x"), {}, true}};
        const EncodedBody one = BodyEncoder::encode(body);
        const EncodedBody two = BodyEncoder::encode(body);
        QVERIFY(one.contentType != two.contentType);
        QVERIFY(one.contentType.startsWith("multipart/form-data; boundary=tokenbench-"));
    }

    void missingFilesAreErrors()
    {
        RequestBody body;
        body.kind = RequestBody::Kind::Binary;
        body.filePath = QStringLiteral("/nonexistent/file.bin");
        const EncodedBody binary = BodyEncoder::encode(body);
        QVERIFY(!binary.ok());
        QVERIFY2(binary.error.contains(QStringLiteral("/nonexistent/file.bin")), qPrintable(binary.error));
        QVERIFY(binary.error.contains(QStringLiteral("no such file")));

        body.kind = RequestBody::Kind::Multipart;
        body.parts = {{MultipartRow::Kind::File, QStringLiteral("f"), QStringLiteral("/nonexistent/x"), {}, true}};
        QVERIFY(!BodyEncoder::encode(body).ok());
    }

    void rawAndBinary()
    {
        RequestBody body;
        body.kind = RequestBody::Kind::Raw;
        body.text = QStringLiteral("{\"a\":\"\u00e9\"}");
        body.contentType = QStringLiteral("application/json");
        EncodedBody raw = BodyEncoder::encode(body);
        QCOMPARE(raw.contentType, QByteArray("application/json"));
        QCOMPARE(raw.toByteArray(100), QByteArray("{\"a\":\"\xc3\xa9\"}"));

        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("b")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(300, '\0'));
        f.close();
        body = RequestBody{};
        body.kind = RequestBody::Kind::Binary;
        body.filePath = f.fileName();
        const EncodedBody binary = BodyEncoder::encode(body);
        QCOMPARE(binary.contentType, QByteArray("application/octet-stream"));
        QCOMPARE(binary.size, 300);
        QCOMPARE(binary.toByteArray(1000), QByteArray(300, '\0'));
        QVERIFY(binary.toByteArray(10).isEmpty());
        QVERIFY(BodyEncoder::encode(RequestBody{}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBodyEncoder)
#include "TestBodyEncoder.moc"
