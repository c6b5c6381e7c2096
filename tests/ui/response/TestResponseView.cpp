#include "response/ResponseView.h"

#include <QApplication>
#include <QLabel>
#include <QPalette>
#include <QTest>

using tb::ResponseRecord;
using tb::ui::ResponseView;

// The status line is coloured by class (2xx green, 4xx amber, 5xx and failures red) in shades that suit the
// palette, and a light/dark switch of the system recolours a response already shown.
class TestResponseView : public QObject
{
    Q_OBJECT

private:
    static QPalette paletteWithBase(const QColor& base, const QColor& text)
    {
        QPalette palette = QApplication::palette();
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Window, base);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::WindowText, text);
        return palette;
    }
    static QString statusStyle(const ResponseView& view)
    {
        return view.findChild<QLabel*>(u"statusLabel"_qs)->styleSheet();
    }

private slots:
    void cleanup() { QApplication::setPalette(paletteWithBase(Qt::white, Qt::black)); }

    void colorsTheStatusForThePalette()
    {
        QApplication::setPalette(paletteWithBase(Qt::white, Qt::black));
        ResponseView view;
        view.show();
        ResponseRecord ok;
        ok.status = 200;
        ok.reason = "OK";
        view.setRecord(ok);
        QVERIFY2(statusStyle(view).contains(u"#2e7d32"_qs), qPrintable(statusStyle(view)));

        QApplication::setPalette(paletteWithBase(QColor(0x20, 0x20, 0x20), Qt::white)); // the system went dark
        QTRY_VERIFY2(statusStyle(view).contains(u"#81c784"_qs), qPrintable(statusStyle(view)));

        ResponseRecord unauthorized;
        unauthorized.status = 401;
        unauthorized.reason = "Unauthorized";
        view.setRecord(unauthorized);
        QVERIFY2(statusStyle(view).contains(u"#ffb74d"_qs), qPrintable(statusStyle(view)));

        QApplication::setPalette(paletteWithBase(Qt::white, Qt::black)); // and light again
        QTRY_VERIFY2(statusStyle(view).contains(u"#b45309"_qs), qPrintable(statusStyle(view)));

        view.setInProgress(0, -1); // while sending the status is plain text
        QCOMPARE(statusStyle(view), QString());
    }

    void colorsAFailureRed()
    {
        ResponseView view;
        ResponseRecord failed;
        failed.error = ResponseRecord::ErrorKind::Timeout;
        failed.errorMessage = u"The server did not answer within 30 s."_qs;
        view.setRecord(failed);
        QVERIFY2(statusStyle(view).contains(u"#c62828"_qs), qPrintable(statusStyle(view)));
        QCOMPARE(view.findChild<QLabel*>(u"statusLabel"_qs)->text(), u"No response"_qs);
    }
};

QTEST_MAIN(TestResponseView)
#include "TestResponseView.moc"
