#include "response/LargeTextView.h"
#include "response/ResponseBodyView.h"

#include <QBuffer>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "support/StallMeter.h"

using tb::ui::ResponseBodyView;

namespace {

// A JSON array of user-like objects of about `bytes` bytes.
QByteArray bigJson(qsizetype bytes)
{
    const QByteArray item =
        "{\"id\":123456,\"username\":\"someone\",\"email\":\"someone@example.org\",\"groups\":[\"a\",\"b\"]},";
    QByteArray json = "[" + item.repeated(bytes / item.size());
    json.back() = ']';
    return json;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr qsizetype kBigBody = 20 * 1024 * 1024; // ASan is ~5x slower; the stall bound stays the same
#else
constexpr qsizetype kBigBody = 100 * 1024 * 1024;
#endif

} // namespace

class TestResponseBodyView : public QObject
{
    Q_OBJECT

private slots:
    void showsPrettyJson()
    {
        ResponseBodyView view;
        QSignalSpy shown(&view, &ResponseBodyView::bodyShown);
        view.setBody("{\"a\":[1,2]}", u"application/json"_qs);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(view.mode(), ResponseBodyView::Mode::Pretty);
        QCOMPARE(view.displayedText(), u"{\n  \"a\": [\n    1,\n    2\n  ]\n}"_qs);
    }

    void fallsBackToRawForMalformedJson()
    {
        ResponseBodyView view;
        QSignalSpy shown(&view, &ResponseBodyView::bodyShown);
        view.setBody("{\"a\":[1,2}", u"application/json"_qs);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(view.mode(), ResponseBodyView::Mode::Raw);
        auto* notice = view.findChild<QLabel*>(u"bodyNoticeLabel"_qs);
        QVERIFY2(notice->text().contains(u"unexpected }"), qPrintable(notice->text()));
        QCOMPARE(view.displayedText(), u"{\"a\":[1,2}"_qs);
    }

    void showsBinaryAsHexAndImagesAsImages()
    {
        ResponseBodyView view;
        QSignalSpy shown(&view, &ResponseBodyView::bodyShown);
        view.setBody(QByteArray("\x89PNG\x00\x01", 6), u"application/octet-stream"_qs);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(view.mode(), ResponseBodyView::Mode::Hex);
        QVERIFY(view.displayedText().startsWith(u"00000000  89 50 4e 47 00 01"));

        QImage image(7, 5, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(image.save(&buffer, "PNG"));
        view.setBody(png, u"image/png"_qs);
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(view.mode(), ResponseBodyView::Mode::Image);
        auto* label = view.findChild<QLabel*>(u"imagePreviewLabel"_qs);
        QCOMPARE(label->pixmap().size(), QSize(7, 5));
        QCOMPARE(label->accessibleDescription(), u"7 by 5 pixels"_qs);
    }

    void findsWithCtrlF()
    {
        ResponseBodyView view;
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy shown(&view, &ResponseBodyView::bodyShown);
        QByteArray lines;
        for (int i = 0; i < 500; ++i)
            lines += "line " + QByteArray::number(i) + "\n";
        view.setBody(lines, u"text/plain"_qs);
        QTRY_COMPARE(shown.count(), 1);
        view.textView()->setFocus();
        QTest::keyClick(view.textView(), Qt::Key_F, Qt::ControlModifier);
        auto* findLineEdit = view.findChild<QLineEdit*>(u"findLineEdit"_qs);
        QTRY_VERIFY(findLineEdit->isVisible() && findLineEdit->hasFocus());
        QTest::keyClicks(findLineEdit, u"line 42"_qs);
        QTest::keyClick(findLineEdit, Qt::Key_Return);
        QCOMPARE(view.textView()->markedLine(), 42);
        QVERIFY(view.textView()->firstVisibleLine() <= 42);
        QVERIFY(view.textView()->firstVisibleLine() > 20);
        QTest::keyClick(findLineEdit, Qt::Key_Return); // "line 420" is the next match
        QCOMPARE(view.textView()->markedLine(), 420);
        QCOMPARE(view.findChild<QLabel*>(u"findResultLabel"_qs)->text(), u"Line 421"_qs);
        findLineEdit->setText(u"absent"_qs);
        QTest::keyClick(findLineEdit, Qt::Key_Return);
        QCOMPARE(view.findChild<QLabel*>(u"findResultLabel"_qs)->text(), u"No matches"_qs);
        view.findChild<QCheckBox*>(u"wrapCheckBox"_qs)->setChecked(true);
        QVERIFY(view.textView()->wrap());
    }

    // The UI thread must keep turning while a huge body is formatted (a 10 ms timer measures the gaps).
    void hugeBodyNeverStallsTheEventLoop()
    {
        const QByteArray json = bigJson(kBigBody);
        ResponseBodyView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy shown(&view, &ResponseBodyView::bodyShown);

        tb::test::StallMeter meter;
        QElapsedTimer loading;
        loading.start();
        meter.start();
        view.setBody(json, u"application/json"_qs);
        QVERIFY(shown.wait(60000)); // a real event loop: QTRY_* polls with sleeps, which would widen the gaps
        QCOMPARE(shown.count(), 1);
        const qint64 loadMs = loading.elapsed();
        QTest::keyClick(view.textView(), Qt::Key_End, Qt::ControlModifier); // paint at the end too
        QSignalSpy ticked(&meter, &tb::test::StallMeter::ticked);           // the loop turns again after that paint
        QVERIFY(ticked.wait() && (ticked.count() > 1 || ticked.wait()));
        meter.stop();
        qInfo("%lld MB formatted in %lld ms; %s", qint64(json.size() >> 20), loadMs, qPrintable(meter.summary()));
        QCOMPARE(view.mode(), ResponseBodyView::Mode::Pretty);
        QVERIFY(view.textView()->lines()->lineCount() > json.size() / 100);
        QVERIFY2(meter.longestGapMs() < 100, qPrintable(meter.summary()));
    }

    void cancelsFormatting()
    {
        ResponseBodyView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setBody(bigJson(kBigBody), u"application/json"_qs);
        auto* cancel = view.findChild<QPushButton*>(u"cancelFormatPushButton"_qs);
        QTRY_VERIFY(cancel->isVisible());
        QVERIFY(view.isBusy());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!view.isBusy());
        QVERIFY(!cancel->isVisible());
        QVERIFY(view.findChild<QLabel*>(u"bodyNoticeLabel"_qs)->text().contains(u"cancelled"));
    }
};

QTEST_MAIN(TestResponseBodyView)
#include "TestResponseBodyView.moc"
