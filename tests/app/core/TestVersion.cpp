#include "core/Version.h"

#include <QRegularExpression>
#include <QTest>

class TestVersion : public QObject
{
    Q_OBJECT

private slots:
    void versionIsSemantic()
    {
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(tb::versionString()).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestVersion)
#include "TestVersion.moc"
