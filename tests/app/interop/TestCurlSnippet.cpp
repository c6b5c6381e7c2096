#include "interop/CurlImporter.h"
#include "interop/CurlSnippet.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

class TestCurlSnippet : public QObject
{
    Q_OBJECT

private slots:
    void secretsBecomeShellVariables()
    {
        VariableResolver variables;
        variables.setLayer(VariableResolver::environmentLayer(), {{u"host"_s, u"api.example.org"_s},
                                                                  {u"base"_s, u"https://{{host}}"_s},
                                                                  {u"apiToken"_s, u"env-secret-value"_s}});
        RequestSpec request;
        request.method = u"POST"_s;
        request.url = u"{{base}}/items"_s;
        request.headers = {{u"X-Api-Token"_s, u"{{apiToken}}"_s, true},
                           {u"Cookie"_s, u"sessionid=literal-cookie-value"_s, true},
                           {u"X-Plain"_s, u"{{host}}"_s, true}};
        request.auth.kind = AuthSpec::Kind::Bearer;
        request.auth.token = u"literal-bearer-value"_s;
        const QString command =
            CurlSnippet::command(request, variables, [](const QString& name) { return name == u"apiToken"_s; });
        QVERIFY2(!command.contains(u"env-secret-value"), qPrintable(command));
        QVERIFY2(!command.contains(u"literal-bearer-value"), qPrintable(command));
        QVERIFY2(!command.contains(u"literal-cookie-value"), qPrintable(command));
        QVERIFY2(command.contains(u"${apiToken}"), qPrintable(command));
        QVERIFY2(command.contains(u"https://api.example.org/items"), qPrintable(command));
        QVERIFY2(command.contains(u"X-Plain: api.example.org"), qPrintable(command));

        // It reads back as the same request, with the secrets as variables.
        const CurlImporter::Result back = CurlImporter::fromCommand(command);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.request.method, u"POST"_s);
        QCOMPARE(back.request.url, u"https://api.example.org/items"_s);
    }
};

QTEST_GUILESS_MAIN(TestCurlSnippet)
#include "TestCurlSnippet.moc"
