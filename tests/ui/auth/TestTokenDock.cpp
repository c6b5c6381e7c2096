#include "MainWindow.h"
#include "RequestTab.h"
#include "auth/ProfileEditorDialog.h"
#include "auth/SecretClipboard.h"
#include "auth/TokenDock.h"
#include "auth/TokenManager.h"
#include "auth/TokenSet.h"
#include "core/MockClock.h"
#include "request/AuthEditor.h"
#include "request/RequestEditor.h"
#include "secrets/SecretStore.h"
#include "support/BrowserClient.h"
#include "support/LocalOAuthServer.h"
#include "support/TestPaths.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/WorkspaceStore.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <optional>

using tb::TokenManager;
using tb::ui::MainWindow;
using tb::ui::TokenDock;

// Plays the system browser: QDesktopServices hands it the URLs the app opens.
class BrowserCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl& url) { opened << url; }
};

// Plays the system browser for real: QDesktopServices hands it the URL the app opens, and it goes through the
// server's pages over HTTP like a person would (QNetworkAccessManager with its cookie jar, redirects followed):
// the login form with its CSRF token, the consent form (Authorize), then the redirect to the app's loopback
// listener with the code. Every step runs from the event loop, none inside the app's call to open the URL.
class SigningInBrowser : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;
    QList<QUrl> loaded;  // every page it ended on, in order
    QString error;       // what went wrong, for the test's message
    QByteArray lastPage; // the body of the last page (the app's "you can close this window" page at the end)
    bool finished = false;

public slots:
    void open(const QUrl& url)
    {
        opened << url;
        QMetaObject::invokeMethod(
            this, [this, url] { send(QNetworkRequest(url), {}, [this](QNetworkReply* r) { logIn(r); }); },
            Qt::QueuedConnection);
    }

private:
    using Next = std::function<void(QNetworkReply*)>;

    void send(QNetworkRequest request, const std::optional<tb::test::BrowserClient::Fields>& form, Next next)
    {
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply* reply = nullptr;
        if (form) {
            QUrlQuery body;
            for (const auto& [name, value] : *form)
                body.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(value)));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            reply = m_network.post(request, body.toString(QUrl::FullyEncoded).toUtf8());
        } else {
            reply = m_network.get(request);
        }
        connect(reply, &QNetworkReply::finished, this, [this, reply, next] {
            reply->deleteLater();
            lastPage = reply->readAll();
            loaded << reply->url();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200) {
                error = u"%1 answered %2: %3"_qs.arg(reply->url().toString()).arg(status).arg(reply->errorString());
                return;
            }
            next(reply);
        });
    }

    // The authorize URL sent us to the login page.
    void logIn(QNetworkReply* page)
    {
        if (!page->url().path().startsWith(u"/accounts/login/")) {
            error = u"expected the login page, got %1"_qs.arg(page->url().toString());
            return;
        }
        auto fields = tb::test::BrowserClient::hiddenInputs(lastPage); // csrfmiddlewaretoken, next
        fields.append({u"username"_qs, tb::test::LocalOAuthServer::demoUsername()});
        fields.append({u"password"_qs, tb::test::LocalOAuthServer::demoPassword()});
        send(QNetworkRequest(page->url()), fields, [this](QNetworkReply* r) { consent(r); });
    }

    // Logged in, back at the authorize URL: its consent form, answered Authorize.
    void consent(QNetworkReply* page)
    {
        if (!lastPage.contains("name=\"allow\"")) {
            error = u"expected the consent form at %1"_qs.arg(page->url().toString());
            return;
        }
        auto fields = tb::test::BrowserClient::hiddenInputs(lastPage);
        fields.append({u"allow"_qs, u"Authorize"_qs});
        // The answer redirects to the app's loopback listener, which the network manager follows.
        send(QNetworkRequest(page->url()), fields, [this](QNetworkReply*) { finished = true; });
    }

    QNetworkAccessManager m_network;
};

// The token manager dock on the real MainWindow, against the bundled server in this process on port 0: a copy of
// the demo workspace whose base_url points at that server, the demo secrets in a memory store, and a MockClock for
// the token manager so the countdown moves without sleeping.
class TestTokenDock : public QObject
{
    Q_OBJECT

private:
    // The demo workspace with {{base_url}} at our server.
    QString makeWorkspace()
    {
        const QString demo = tb::test::sourceDir() + u"/resources/demo"_qs;
        const QString dir = m_dir.filePath(u"workspace-%1"_qs.arg(++m_workspaces));
        QString error;
        if (!tb::DemoWorkspace::copy(demo + u"/workspace"_qs, dir, &error))
            qFatal("cannot copy the demo workspace: %s", qPrintable(error));
        QFile env(dir + u"/environments/local.json"_qs);
        if (!env.open(QIODevice::ReadWrite))
            qFatal("no environments/local.json");
        QJsonObject json = QJsonDocument::fromJson(env.readAll()).object();
        QJsonArray variables = json[u"variables"].toArray();
        for (qsizetype i = 0; i < variables.size(); ++i) {
            QJsonObject variable = variables[i].toObject();
            if (variable[u"key"].toString() == u"base_url")
                variable[u"value"] = m_server.baseUrl().toString(QUrl::StripTrailingSlash);
            variables[i] = variable;
        }
        json[u"variables"] = variables;
        env.resize(0);
        env.write(QJsonDocument(json).toJson());
        return dir;
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        MainWindow::Options options;
        options.workspaceDir = makeWorkspace();
        options.settingsPath = m_dir.filePath(u"settings.ini"_qs);
        options.memorySecrets = true;
        options.clock = &m_clock;
        auto window = std::make_unique<MainWindow>(options);
        // The demo's secrets (client secrets, alice's password) from the seed, as the first run stores them.
        const auto loaded = tb::WorkspaceStore::load(options.workspaceDir);
        QFile seed(tb::test::sourceDir() + u"/resources/demo/seed.json"_qs);
        if (!loaded.ok() || !seed.open(QIODevice::ReadOnly))
            qFatal("cannot read the demo workspace or seed");
        QString error;
        for (const auto& secret : tb::DemoWorkspace::secretsFromSeed(loaded.workspace, seed.readAll(), &error))
            window->secretStore()->write(secret.ref, secret.value.toUtf8(), nullptr, {});
        window->show();
        return window;
    }

    QPushButton* button(MainWindow* window, const char* name)
    {
        return window->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    QString text(MainWindow* window, const char* name)
    {
        return window->findChild<QLabel*>(QString::fromLatin1(name))->text();
    }
    // Selects the demo password profile in the dock once the workspace has loaded.
    TokenDock* passwordProfile(MainWindow* window)
    {
        auto* dock = window->tokenDock();
        auto* list = window->findChild<QListWidget*>(u"profileListWidget"_qs);
        [&] { QTRY_COMPARE(list->count(), 3); }();
        dock->selectProfile(u"demo-password"_qs);
        return dock;
    }

    // The request's Auth tab: OAuth 2.0 profile `profile`.
    static void useProfile(tb::ui::RequestTab* tab, const QString& profile)
    {
        tb::AuthSpec auth;
        auth.kind = tb::AuthSpec::Kind::OAuth2;
        auth.oauthProfile = profile;
        tab->editor()->authEditor()->setAuth(auth);
    }

    // Get token on the demo password profile: its access token once the dock says valid (empty if it never does).
    QString getToken(MainWindow* window)
    {
        QTest::mouseClick(button(window, "getTokenPushButton"), Qt::LeftButton);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(text(window, "tokenStateLabel"), u"valid"_qs, 15000); }();
        return window->tokenManager()->tokens(u"demo-password"_qs).accessToken;
    }

    QTemporaryDir m_dir;
    int m_workspaces = 0;
    tb::MockClock m_clock{QDateTime::currentDateTimeUtc()};
    tb::test::LocalOAuthServer m_server;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void getsAToken_countsDown_refreshes_revokes()
    {
        auto window = makeWindow();
        TokenDock* dock = passwordProfile(window.get());
        QCOMPARE(dock->currentProfile(), u"demo-password"_qs);
        QCOMPARE(text(window.get(), "tokenStateLabel"), u"no token"_qs);
        QVERIFY(!button(window.get(), "refreshTokenPushButton")->isEnabled());

        TokenManager* manager = window->tokenManager();
        const QString first = getToken(window.get());
        QVERIFY(!first.isEmpty());
        QCOMPARE(text(window.get(), "scopesLabel"), u"read write"_qs);
        QCOMPARE(text(window.get(), "remainingLabel"), u"expires in 24 h 0 min 0 s"_qs);
        QVERIFY(text(window.get(), "tokenErrorLabel").isEmpty());
        // Opaque tokens have no claims; the dock says so rather than showing nothing.
        QVERIFY(window->findChild<QPlainTextEdit*>(u"claimsPlainTextEdit"_qs)->toPlainText().contains(u"opaque"));

        // The countdown follows the engine's clock, redrawn by the dock's 1 s timer.
        m_clock.advance(65);
        QTRY_COMPARE(text(window.get(), "remainingLabel"), u"expires in 23 h 58 min 55 s"_qs);

        // Copy: the token, marked secret for clipboard managers, gone 30 s later.
        QTest::mouseClick(button(window.get(), "copyTokenPushButton"), Qt::LeftButton);
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QCOMPARE(mime->text(), first);
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_qs), QByteArray("secret"));
        m_clock.advance(29);
        QCOMPARE(QGuiApplication::clipboard()->text(), first);
        m_clock.advance(1);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

        // A copy the user made since is left alone.
        QTest::mouseClick(button(window.get(), "copyTokenPushButton"), Qt::LeftButton);
        QGuiApplication::clipboard()->setText(u"something else"_qs);
        m_clock.advance(30);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"something else"_qs);

        QTest::mouseClick(button(window.get(), "refreshTokenPushButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(manager->tokens(u"demo-password"_qs).accessToken != first, 15000);
        QTRY_COMPARE(text(window.get(), "tokenStateLabel"), u"valid"_qs);
        QCOMPARE(text(window.get(), "remainingLabel"), u"expires in 24 h 0 min 0 s"_qs);

        // Introspect shows the server's answer as it is (the password client may not introspect: its error).
        QTest::mouseClick(button(window.get(), "introspectTokenPushButton"), Qt::LeftButton);
        auto* introspection = window->findChild<QPlainTextEdit*>(u"introspectionPlainTextEdit"_qs);
        QTRY_VERIFY(!introspection->toPlainText().startsWith(u"Asking"));
        QVERIFY(!introspection->toPlainText().isEmpty());

        QTest::mouseClick(button(window.get(), "revokeTokenPushButton"), Qt::LeftButton);
        QTRY_COMPARE(text(window.get(), "tokenStateLabel"), u"no token"_qs);
        QVERIFY(manager->tokens(u"demo-password"_qs).isEmpty());
        QVERIFY(!button(window.get(), "copyTokenPushButton")->isEnabled());
    }

    void showsTheServersErrorInPlainWords()
    {
        auto window = makeWindow();
        passwordProfile(window.get());
        window->secretStore()->write(
            tb::SecretStore::keyFor(u"tokenbench-demo"_qs, u"demo-password"_qs, u"password"_qs), "wrong-password",
            nullptr, {});
        QTest::mouseClick(button(window.get(), "getTokenPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(window.get(), "tokenStateLabel"), u"failed"_qs, 15000);
        const QString error = text(window.get(), "tokenErrorLabel");
        QVERIFY2(error.contains(u"invalid_grant") && error.contains(u"Invalid credentials given"), qPrintable(error));
    }

    void autoRefreshSwitch()
    {
        auto window = makeWindow();
        passwordProfile(window.get());
        TokenManager* manager = window->tokenManager();
        const QString first = getToken(window.get());
        QVERIFY(!first.isEmpty());
        auto* autoRefresh = window->findChild<QCheckBox*>(u"autoRefreshCheckBox"_qs);
        QVERIFY(autoRefresh->isChecked());
        autoRefresh->click();
        QVERIFY(!manager->autoRefresh(u"demo-password"_qs));
        // Past the lead time (5% of a day) and past expiry: no refresh by itself, the token is shown expired.
        m_clock.advance(86400);
        QTRY_COMPARE(text(window.get(), "tokenStateLabel"), u"expired"_qs);
        QCOMPARE(manager->tokens(u"demo-password"_qs).accessToken, first);
        m_clock.advance(5);
        QTRY_COMPARE(text(window.get(), "remainingLabel"), u"expired 5 s ago"_qs);
        autoRefresh->click();
        QVERIFY(manager->autoRefresh(u"demo-password"_qs));
    }

    // Authorization code: the system browser opens the server's sign-in page and the dock waits, with the link
    // and Cancel.
    void waitsForTheBrowserAndCancels()
    {
        BrowserCatcher browser;
        QDesktopServices::setUrlHandler(u"http"_qs, &browser, "open");
        auto window = makeWindow();
        passwordProfile(window.get());
        window->tokenDock()->selectProfile(u"demo-authorization-code"_qs);
        QTest::mouseClick(button(window.get(), "getTokenPushButton"), Qt::LeftButton);
        QTRY_COMPARE(browser.opened.size(), 1);
        QDesktopServices::unsetUrlHandler(u"http"_qs);
        const QUrl url = browser.opened.first();
        QCOMPARE(url.path(), u"/o/authorize/"_qs);
        QVERIFY(url.query().contains(u"code_challenge_method=S256"));
        QTRY_VERIFY(window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        QCOMPARE(text(window.get(), "tokenStateLabel"), u"fetching"_qs);
        QVERIFY(text(window.get(), "signInLinkLabel").contains(u"/o/authorize/"));
        QVERIFY(!button(window.get(), "getTokenPushButton")->isEnabled());

        QTest::mouseClick(button(window.get(), "cancelSignInPushButton"), Qt::LeftButton);
        QTRY_COMPARE(text(window.get(), "tokenStateLabel"), u"failed"_qs);
        QVERIFY(!window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        QTRY_COMPARE(text(window.get(), "tokenErrorLabel"), u"Sign-in cancelled"_qs);
        QVERIFY(button(window.get(), "getTokenPushButton")->isEnabled());
    }

    // Authorization code, end to end: Get token opens the browser, which logs in as the demo user through the
    // CSRF-protected form, approves the consent and lands on the app's loopback listener; the dock then shows the
    // token as valid with its scopes and a countdown, and the server accepts it.
    void signsInThroughTheBrowser()
    {
        SigningInBrowser browser;
        QDesktopServices::setUrlHandler(u"http"_qs, &browser, "open");
        const auto unset = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"http"_qs); });
        auto window = makeWindow();
        passwordProfile(window.get());
        window->tokenDock()->selectProfile(u"demo-authorization-code"_qs);
        QTest::mouseClick(button(window.get(), "getTokenPushButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(browser.finished || !browser.error.isEmpty(), 15000);
        QVERIFY2(browser.error.isEmpty(), qPrintable(browser.error));
        QCOMPARE(browser.opened.size(), 1);
        QCOMPARE(browser.loaded.first().path(), u"/accounts/login/"_qs);
        const QUrl callback = browser.loaded.last();
        QCOMPARE(callback.host(), u"127.0.0.1"_qs);
        QVERIFY(callback.port() != m_server.port()); // the app's own listener, not the server
        QVERIFY(QUrlQuery(callback).hasQueryItem(u"code"_qs));

        QTRY_COMPARE_WITH_TIMEOUT(text(window.get(), "tokenStateLabel"), u"valid"_qs, 15000);
        QVERIFY(!window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        const tb::TokenSet tokens = window->tokenManager()->tokens(u"demo-authorization-code"_qs);
        QVERIFY(!tokens.accessToken.isEmpty());
        QVERIFY(!text(window.get(), "scopesLabel").isEmpty());
        QCOMPARE(text(window.get(), "scopesLabel"), tokens.scope);
        QCOMPARE(text(window.get(), "remainingLabel"), u"expires in 24 h 0 min 0 s"_qs);
        m_clock.advance(10);
        QTRY_COMPARE(text(window.get(), "remainingLabel"), u"expires in 23 h 59 min 50 s"_qs);
        QCOMPARE(m_server.apiStatus(tokens.accessToken), 200);
        QVERIFY(button(window.get(), "getTokenPushButton")->isEnabled());
    }

    // Cancel while the browser is out: the dock goes back to no token, and a code that arrives later is ignored.
    void cancelsTheSignInWithoutAToken()
    {
        BrowserCatcher browser; // opens nothing: the user is still looking at the sign-in page
        QDesktopServices::setUrlHandler(u"http"_qs, &browser, "open");
        const auto unset = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"http"_qs); });
        auto window = makeWindow();
        passwordProfile(window.get());
        window->tokenDock()->selectProfile(u"demo-authorization-code"_qs);
        QTest::mouseClick(button(window.get(), "getTokenPushButton"), Qt::LeftButton);
        QTRY_COMPARE(browser.opened.size(), 1);
        QTRY_VERIFY(window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        QTest::mouseClick(button(window.get(), "cancelSignInPushButton"), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        QVERIFY(window->tokenManager()->tokens(u"demo-authorization-code"_qs).isEmpty());
        QVERIFY(button(window.get(), "getTokenPushButton")->isEnabled());
        QVERIFY(!button(window.get(), "copyTokenPushButton")->isEnabled());
        QVERIFY(text(window.get(), "tokenStateLabel") != u"valid"_qs);

        // The browser comes back late with a code and the right state: nothing is exchanged any more.
        const QUrlQuery authorize(browser.opened.first());
        QUrl late(authorize.queryItemValue(u"redirect_uri"_qs, QUrl::FullyDecoded));
        late.setQuery(u"code=late&state="_qs + authorize.queryItemValue(u"state"_qs));
        const int tokenRequests = m_server.tokenRequests();
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(late)));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(m_server.tokenRequests(), tokenRequests);
        QVERIFY(window->tokenManager()->tokens(u"demo-authorization-code"_qs).isEmpty());
        QVERIFY(text(window.get(), "tokenStateLabel") != u"valid"_qs);
    }

    // A request waiting for a browser sign-in can be cancelled with Esc like any other; the sign-in itself goes on
    // in the dock until it is cancelled there.
    void cancelsARequestWaitingForItsToken()
    {
        BrowserCatcher browser;
        QDesktopServices::setUrlHandler(u"http"_qs, &browser, "open");
        auto window = makeWindow();
        passwordProfile(window.get());
        auto* tab = window->openWorkspaceRequest(u"users-api/list-users"_qs);
        QVERIFY(tab);
        useProfile(tab, u"demo-authorization-code"_qs);
        window->sendCurrent();
        QTRY_COMPARE(browser.opened.size(), 1);
        QDesktopServices::unsetUrlHandler(u"http"_qs);
        QVERIFY(!tab->findChild<QPushButton*>(u"sendPushButton"_qs)->isVisible());
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QTRY_VERIFY(tab->findChild<QPushButton*>(u"sendPushButton"_qs)->isVisible());
        auto* error = tab->findChild<QLabel*>(u"responseErrorLabel"_qs);
        QVERIFY2(error->text().contains(u"canceled"), qPrintable(error->text()));
        QCOMPARE(window->tokenManager()->state(u"demo-authorization-code"_qs), TokenManager::State::Fetching);
        window->tokenManager()->cancelSignIn(u"demo-authorization-code"_qs);
        QTRY_COMPARE(window->tokenManager()->state(u"demo-authorization-code"_qs), TokenManager::State::Failed);
    }

    // New profile: Discover fills the endpoints from the issuer's metadata; saved, the profile joins the dock; its
    // device flow shows the user code and the verification link.
    void editsAProfileWithDiscoveryAndShowsTheDeviceCode()
    {
        auto window = makeWindow();
        passwordProfile(window.get());
        QTest::mouseClick(button(window.get(), "newProfilePushButton"), Qt::LeftButton);
        auto* dialog = window->findChild<tb::ui::ProfileEditorDialog*>();
        QVERIFY(dialog);
        const auto line = [dialog](const char* name) {
            return dialog->findChild<QLineEdit*>(QString::fromLatin1(name));
        };
        line("profileNameLineEdit")->setText(u"device"_qs);
        auto* grant = dialog->findChild<QComboBox*>(u"grantComboBox"_qs);
        grant->setCurrentIndex(grant->findData(int(tb::OAuthProfile::GrantType::DeviceCode)));
        line("issuerLineEdit")->setText(u"{{base_url}}"_qs);
        line("clientIdLineEdit")->setText(tb::test::LocalOAuthServer::deviceClientId());
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"discoverPushButton"_qs), Qt::LeftButton);
        const QString base = m_server.baseUrl().toString(QUrl::StripTrailingSlash);
        QTRY_COMPARE_WITH_TIMEOUT(line("tokenUrlLineEdit")->text(), base + u"/o/token/"_qs, 15000);
        QCOMPARE(line("deviceUrlLineEdit")->text(), base + u"/o/device_authorization/"_qs);
        QCOMPARE(line("introspectionUrlLineEdit")->text(), base + u"/o/introspect/"_qs);
        QVERIFY(dialog->findChild<QLabel*>(u"discoveryLabel"_qs)->text().contains(u"/.well-known/"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();

        auto* list = window->findChild<QListWidget*>(u"profileListWidget"_qs);
        QTRY_COMPARE(list->count(), 4);
        QCOMPARE(window->tokenDock()->currentProfile(), u"device"_qs);
        QVERIFY(window->workspace().workspace().authProfile(u"device"));
        QTest::mouseClick(button(window.get(), "getTokenPushButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!text(window.get(), "userCodeLabel").isEmpty(), 15000);
        QVERIFY(window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        QVERIFY(text(window.get(), "signInLinkLabel").contains(u"/o/device"));

        // On another device: log in, open the verification page, enter the code shown, Authorize.
        const QString userCode = text(window.get(), "userCodeLabel");
        tb::test::BrowserClient phone(m_server.port());
        QCOMPARE(
            phone.logIn(tb::test::LocalOAuthServer::demoUsername(), tb::test::LocalOAuthServer::demoPassword()).status,
            302);
        const auto page = phone.get("/o/device/?user_code=" + QUrl::toPercentEncoding(userCode));
        QCOMPARE(page.status, 200);
        auto fields = tb::test::BrowserClient::hiddenInputs(page.body);
        fields.append({u"allow"_qs, u"Authorize"_qs});
        const auto approved = phone.post("/o/device/", fields);
        QVERIFY2(approved.status == 200 || approved.status == 302, approved.raw.left(300).constData());
        // The app polls at the server's interval, on the engine's clock.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_clock.advance(5);
                return text(window.get(), "tokenStateLabel") == u"valid"_qs;
            }(),
            15000);
        QVERIFY(!window->findChild<QWidget*>(u"signInWidget"_qs)->isVisible());
        const QString token = window->tokenManager()->tokens(u"device"_qs).accessToken;
        QVERIFY(!token.isEmpty());
        QVERIFY(!text(window.get(), "scopesLabel").isEmpty());
        QVERIFY(text(window.get(), "remainingLabel").startsWith(u"expires in"));
        QCOMPARE(m_server.apiStatus(token), 200);
    }

    // A JWT access token: header and claims decoded, the time claims in local time, the signature never called
    // verified.
    void decodesAJwtWithoutVerifyingIt()
    {
        const auto part = [](const QByteArray& json) {
            return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        const QDateTime now = m_clock.now();
        const qint64 exp = now.addSecs(600).toSecsSinceEpoch();
        tb::TokenSet tokens;
        tokens.accessToken =
            part(R"({"alg":"RS256","typ":"JWT"})") + u'.' +
            part(u"{\"sub\":\"alice\",\"iat\":%1,\"exp\":%2}"_qs.arg(now.toSecsSinceEpoch()).arg(exp).toUtf8()) +
            u".c2lnbmF0dXJl"_qs;
        tokens.tokenType = u"Bearer"_qs;
        tokens.scope = u"read"_qs;
        tokens.obtainedAt = now;
        tokens.expiresAt = now.addSecs(600);
        auto window = makeWindow();
        // Saved by an earlier run: the dock loads it from the secret store.
        window->secretStore()->write(
            tb::SecretStore::keyFor(u"tokenbench-demo"_qs, u"demo-client-credentials"_qs, u"tokens"_qs),
            QJsonDocument(tokens.toJson()).toJson(QJsonDocument::Compact), nullptr, {});
        passwordProfile(window.get());
        window->tokenDock()->selectProfile(u"demo-client-credentials"_qs);
        QTRY_COMPARE(text(window.get(), "tokenStateLabel"), u"valid"_qs);
        QCOMPARE(text(window.get(), "remainingLabel"), u"expires in 10 min 0 s"_qs);
        const QString claims = window->findChild<QPlainTextEdit*>(u"claimsPlainTextEdit"_qs)->toPlainText();
        QVERIFY2(claims.contains(u"\"sub\": \"alice\""), qPrintable(claims));
        QVERIFY(claims.contains(u"\"alg\": \"RS256\""));
        QVERIFY(claims.contains(u"expires (exp): "_qs +
                                QDateTime::fromSecsSinceEpoch(exp).toLocalTime().toString(Qt::ISODate)));
        QVERIFY(claims.contains(u"signature NOT verified"));
        QVERIFY(!claims.contains(u"signature verified", Qt::CaseInsensitive));
    }

    // A token the server no longer accepts: the 401 gets one refresh and one retry, the user sees the 200, and the
    // history has both exchanges, the 401 first, its rejected token redacted.
    void answersA401WithARefresh()
    {
        auto window = makeWindow();
        passwordProfile(window.get());
        TokenManager* manager = window->tokenManager();
        const QString first = getToken(window.get());
        QVERIFY(!first.isEmpty());

        m_server.advance(86401); // the server's clock: every access token it issued has expired
        auto* tab = window->openWorkspaceRequest(u"users-api/list-users"_qs);
        QVERIFY(tab);
        useProfile(tab, u"demo-password"_qs);
        QTRY_VERIFY(tab->findChild<QLabel*>(u"authTokenStateLabel"_qs)->text().startsWith(u"Valid, expires in"));
        const int recorded = window->history()->count();
        window->sendCurrent();
        auto* status = tab->findChild<QLabel*>(u"statusLabel"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"200"), 15000);
        QCOMPARE(window->history()->count(), recorded + 2);
        QVERIFY(manager->tokens(u"demo-password"_qs).accessToken != first);
        const QAbstractItemModel* history = window->findChild<QListView*>(u"historyListView"_qs)->model();
        QTRY_VERIFY(history->rowCount() >= 2); // the list refreshes after each entry
        const QString newest = history->index(0, 0).data().toString();
        QVERIFY2(newest.startsWith(u"200  GET"), qPrintable(newest));
        QVERIFY(newest.contains(u"/api/users/"));
        const QString before = history->index(1, 0).data().toString();
        QVERIFY2(before.startsWith(u"401  GET"), qPrintable(before));
        QVERIFY(before.contains(u"/api/users/"));
        const auto entries = window->history()->search({});
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries[1].status, 401);
        for (const auto& header : entries[1].requestHeaders)
            QVERIFY2(!header.value.contains(first.toUtf8()), header.value.constData());
    }
};

QTEST_MAIN(TestTokenDock)
#include "TestTokenDock.moc"
