#include "MainWindow.h"
#include "ThemedIcon.h"

#include <QAction>
#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The most common opaque colour of the icon's pixels.
QColor inkOf(const QIcon& icon)
{
    const QImage image = icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) == 255)
                ++counts[image.pixel(x, y)];
    QRgb best = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > counts.value(best))
            best = it.key();
    return QColor::fromRgba(best);
}

} // namespace

class TestThemedIcon : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Light and dark: the same SVG is drawn in the palette's text colour, read when painted.
    void followsThePalette()
    {
        QVERIFY(tb::ui::ThemedIcon::exists(u"send"_s));
        QVERIFY(!tb::ui::ThemedIcon::exists(u"no-such-icon"_s));
        const QIcon icon = tb::ui::ThemedIcon::fromName(u"send"_s);
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::WindowText, QColor(240, 240, 240));
        QApplication::setPalette(dark);
        QCOMPARE(inkOf(icon), QColor(240, 240, 240));
        QPalette light = original;
        light.setColor(QPalette::WindowText, QColor(20, 20, 20));
        QApplication::setPalette(light);
        QCOMPARE(inkOf(icon), QColor(20, 20, 20));
        QApplication::setPalette(original);
        // High-DPI: drawn at the device scale, not scaled up.
        const QPixmap sharp = icon.pixmap(QSize(24, 24), 2.0);
        QCOMPARE(sharp.size(), QSize(48, 48));
    }

    // Every main action has a shortcut and an icon, and so shows both in the command palette.
    void mainActionsHaveShortcutsAndIcons()
    {
        QTemporaryDir dir;
        tb::ui::MainWindow window({dir.filePath(u"ws"_s), dir.filePath(u"settings.ini"_s), true});
        const QStringList main = {
            u"newRequestAction"_s,     u"saveAction"_s,        u"closeTabAction"_s,         u"importCurlAction"_s,
            u"importPostmanAction"_s,  u"copyAsCurlAction"_s,  u"exportCollectionAction"_s, u"undoAction"_s,
            u"redoAction"_s,           u"newFolderAction"_s,   u"renameItemAction"_s,       u"duplicateItemAction"_s,
            u"deleteItemAction"_s,     u"sendAction"_s,        u"cancelAction"_s,           u"editEnvironmentsAction"_s,
            u"commandPaletteAction"_s, u"curlSnippetAction"_s, u"searchHistoryAction"_s};
        QSet<QKeySequence> seen;
        for (const QString& name : main) {
            auto* action = window.findChild<QAction*>(name);
            QVERIFY2(action, qPrintable(name));
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name));
            QVERIFY2(!action->icon().isNull(), qPrintable(name));
            QVERIFY2(!seen.contains(action->shortcut()), qPrintable(name + u" reuses a shortcut"_s));
            seen.insert(action->shortcut());
        }
    }
};

QTEST_MAIN(TestThemedIcon)
#include "TestThemedIcon.moc"
