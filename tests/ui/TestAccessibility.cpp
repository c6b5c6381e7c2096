#include "FirstRunOptions.h"
#include "MainWindow.h"
#include "RequestTab.h"
#include "auth/ProfileEditorDialog.h"
#include "environment/EnvironmentEditor.h"
#include "request/RequestEditor.h"
#include "response/ResponseBodyView.h"
#include "response/ResponseView.h"
#include "support/TestHttpServer.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tb::ui::MainWindow;

// Screen readers (Orca over AT-SPI) read Qt's accessibility tree: every control a user can reach with the keyboard,
// and every value they read (status, timings, token state), needs a name there. This walks the real window with
// everything open (a request with its response, the token dock, the local server panel, the environment and
// profile editors) and lists what has none; then checks that Tab follows the request line as it is laid out.
class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    // Widgets inside another control that carries the name for them (a combo box's or spin box's line edit, a
    // scroll area's viewport and scroll bars, a tab widget's stack).
    static bool partOfAnotherControl(const QWidget* widget)
    {
        const QWidget* parent = widget->parentWidget();
        if (!parent)
            return false;
        for (const QWidget* up = parent; up; up = up->parentWidget()) // its line edit, its popup list
            if (qobject_cast<const QComboBox*>(up) || up->inherits("QAbstractSpinBox"))
                return true;
        const QString name = widget->objectName();
        return name.startsWith(u"qt_") || parent->objectName().startsWith(u"qt_scrollarea");
    }

    // What a user reaches by keyboard, or reads as a value: our value labels are named "...Label".
    static bool needsAName(const QWidget* widget)
    {
        if (partOfAnotherControl(widget))
            return false;
        if (qobject_cast<const QLabel*>(widget))
            return widget->objectName().endsWith(u"Label");
        return widget->focusPolicy() != Qt::NoFocus;
    }

    static QString accessibleName(QWidget* widget)
    {
        // A value label's text is the value, not its name: it needs an explicit name.
        if (qobject_cast<QLabel*>(widget))
            return widget->accessibleName();
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
        return iface ? iface->text(QAccessible::Name) : QString();
    }

    static QStringList unnamed(const QList<QWidget*>& roots, int* checked)
    {
        QStringList missing;
        for (QWidget* root : roots) {
            QList<QWidget*> widgets = root->findChildren<QWidget*>();
            widgets.prepend(root);
            for (QWidget* widget : widgets) {
                if (!needsAName(widget))
                    continue;
                ++*checked;
                if (!accessibleName(widget).trimmed().isEmpty())
                    continue;
                missing << u"%1 \"%2\" in %3"_qs.arg(
                    QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                    widget->parentWidget() ? widget->parentWidget()->objectName() : QString());
            }
        }
        missing.removeDuplicates();
        return missing;
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QAccessible::setActive(true);
    }

    void everyControlAndValueHasAName()
    {
        tb::test::TestHttpServer server;
        MainWindow window(tb::test::FirstRunOptions::make(m_dir.filePath(u"settings.ini"_qs)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.workspace().isOpen());

        // A request with its response on screen.
        window.newRequest();
        tb::ui::RequestTab* tab = window.currentTab();
        QVERIFY(tab);
        auto* url = tab->findChild<QLineEdit*>(u"urlLineEdit"_qs);
        url->setText(server.urlString(u"/json"_qs));
        QSignalSpy shown(tab->responseView()->bodyView(), &tb::ui::ResponseBodyView::bodyShown);
        window.sendCurrent();
        QTRY_VERIFY(tab->findChild<QLabel*>(u"statusLabel"_qs)->text().startsWith(u"200"));

        window.showLocalServer();
        window.editEnvironments();
        tb::ui::EnvironmentEditor* environments = nullptr;
        QTRY_VERIFY((environments = window.findChild<tb::ui::EnvironmentEditor*>()) && environments->isVisible());
        auto* profiles = window.findChild<QListWidget*>(u"profileListWidget"_qs);
        QTRY_VERIFY(profiles->count() > 0);
        window.editProfile(profiles->item(0)->data(Qt::UserRole).toString());
        tb::ui::ProfileEditorDialog* profile = nullptr;
        QTRY_VERIFY((profile = window.findChild<tb::ui::ProfileEditorDialog*>()) && profile->isVisible());

        int checked = 0;
        const QStringList missing = unnamed({&window, environments, profile}, &checked);
        QVERIFY2(missing.isEmpty(), qPrintable(u"no accessible name:\n  "_qs + missing.join(u"\n  "_qs)));
        QVERIFY2(checked > 100, qPrintable(QString::number(checked))); // it did walk the whole window
        // The values a user reads are among them.
        for (const char* value : {"statusLabel", "timeLabel", "sizeLabel", "tokenStateLabel", "remainingLabel"})
            QVERIFY2(!window.findChild<QLabel*>(QString::fromLatin1(value))->accessibleName().isEmpty(), value);
    }

    // Tab goes along the request line as laid out: method, URL, Send, then the request's parts, then the response.
    void tabOrderFollowsTheLayout()
    {
        MainWindow::Options options;
        options.settingsPath = m_dir.filePath(u"settings-order.ini"_qs);
        options.memorySecrets = true;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.newRequest();
        tb::ui::RequestTab* tab = window.currentTab();
        QVERIFY(tab);
        QWidget* method = tab->findChild<QWidget*>(u"methodComboBox"_qs);
        QList<QWidget*> chain;
        for (QWidget* w = method; w && (chain.isEmpty() || w != method); w = w->nextInFocusChain())
            chain << w;
        const auto at = [&](const QString& name) {
            for (qsizetype i = 0; i < chain.size(); ++i)
                if (chain[i]->objectName() == name)
                    return i;
            return qsizetype(-1);
        };
        const qsizetype urlAt = at(u"urlLineEdit"_qs);
        const qsizetype sendAt = at(u"sendPushButton"_qs);
        const qsizetype partsAt = at(u"requestPartsTabWidget"_qs);
        const qsizetype responseAt = at(u"bodyModeComboBox"_qs);
        QVERIFY2(0 < urlAt && urlAt < sendAt, qPrintable(u"url %1, send %2"_qs.arg(urlAt).arg(sendAt)));
        QVERIFY2(sendAt < partsAt, qPrintable(u"send %1, parts %2"_qs.arg(sendAt).arg(partsAt)));
        QVERIFY2(partsAt < responseAt, qPrintable(u"parts %1, response %2"_qs.arg(partsAt).arg(responseAt)));
        // Nothing of the response comes before the editor's last control.
        for (qsizetype i = 0; i < partsAt; ++i)
            QVERIFY2(!tab->responseView()->isAncestorOf(chain[i]), qPrintable(chain[i]->objectName()));
    }
};

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
