#include "http/VariableResolver.h"

#include <QTest>

using namespace tb;

class TestVariableResolver : public QObject
{
    Q_OBJECT

private:
    static VariableResolver layered()
    {
        VariableResolver r;
        r.setLayer(VariableResolver::globalsLayer(), {{QStringLiteral("host"), QStringLiteral("global.example")},
                                                      {QStringLiteral("scheme"), QStringLiteral("https")},
                                                      {QStringLiteral("who"), QStringLiteral("globals")}});
        r.setLayer(VariableResolver::environmentLayer(), {{QStringLiteral("host"), QStringLiteral("env.example")},
                                                          {QStringLiteral("who"), QStringLiteral("environment")}});
        r.setLayer(VariableResolver::collectionLayer(), {{QStringLiteral("who"), QStringLiteral("collection")}});
        r.setLayer(VariableResolver::requestLayer(), {});
        return r;
    }

private slots:
    void laterLayersWin()
    {
        VariableResolver r = layered();
        QCOMPARE(r.resolve(u"{{scheme}}://{{host}}/{{who}}", QStringLiteral("URL")).text,
                 QStringLiteral("https://env.example/collection"));
        QString layer;
        QCOMPARE(r.rawValue(QStringLiteral("host"), &layer), QStringLiteral("env.example"));
        QCOMPARE(layer, VariableResolver::environmentLayer());
        r.setLayer(VariableResolver::requestLayer(), {{QStringLiteral("who"), QStringLiteral("request")}});
        QCOMPARE(r.resolve(u"{{who}}", QStringLiteral("URL")).text, QStringLiteral("request"));
        // Replacing a layer keeps its place in the order.
        r.setLayer(VariableResolver::globalsLayer(), {{QStringLiteral("who"), QStringLiteral("new globals")}});
        QCOMPARE(r.resolve(u"{{who}}", QStringLiteral("URL")).text, QStringLiteral("request"));
        QCOMPARE(r.layerNames(), (QStringList{QStringLiteral("globals"), QStringLiteral("environment"),
                                              QStringLiteral("collection"), QStringLiteral("request")}));
    }

    void spacesInsideBraces()
    {
        QCOMPARE(layered().resolve(u"{{ host }}", QStringLiteral("URL")).text, QStringLiteral("env.example"));
    }

    void nestedValues()
    {
        VariableResolver r;
        r.setLayer(QStringLiteral("env"), {{QStringLiteral("base"), QStringLiteral("{{scheme}}://{{host}}")},
                                           {QStringLiteral("scheme"), QStringLiteral("http")},
                                           {QStringLiteral("host"), QStringLiteral("{{name}}.test")},
                                           {QStringLiteral("name"), QStringLiteral("api")}});
        QCOMPARE(r.resolve(u"{{base}}/v1", QStringLiteral("URL")).text, QStringLiteral("http://api.test/v1"));
    }

    void unknownVariableNamesItAndWhere()
    {
        const auto result = layered().resolve(u"Bearer {{token}}", QStringLiteral("header 'Authorization'"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error->variable, QStringLiteral("token"));
        QCOMPARE(result.error->message(), QStringLiteral("unknown variable 'token' in header 'Authorization'"));
        QVERIFY(result.text.isEmpty());
    }

    void unknownNestedVariableNamesTheOuterPlace()
    {
        VariableResolver r;
        r.setLayer(QStringLiteral("env"), {{QStringLiteral("base"), QStringLiteral("http://{{missing}}")}});
        const auto result = r.resolve(u"{{base}}/x", QStringLiteral("URL"));
        QCOMPARE(result.error->variable, QStringLiteral("missing"));
        QCOMPARE(result.error->message(),
                 QStringLiteral("unknown variable 'missing' in the value of variable 'base' (used in URL)"));
    }

    void cycleIsAnError()
    {
        VariableResolver r;
        r.setLayer(QStringLiteral("env"),
                   {{QStringLiteral("a"), QStringLiteral("{{b}}")}, {QStringLiteral("b"), QStringLiteral("x{{a}}")}});
        const auto result = r.resolve(u"{{a}}", QStringLiteral("body"));
        QVERIFY(!result.ok());
        QVERIFY(result.error->cycle);
        QVERIFY(result.error->message().contains(QStringLiteral("refers to itself")));
    }

    void escapingAndLiterals_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("escaped") << QStringLiteral("\\{{host}}") << QStringLiteral("{{host}}");
        QTest::newRow("escaped next to real")
            << QStringLiteral("\\{{host}}={{host}}") << QStringLiteral("{{host}}=env.example");
        QTest::newRow("unclosed") << QStringLiteral("a {{ b") << QStringLiteral("a {{ b");
        QTest::newRow("single braces") << QStringLiteral("{\"a\": {}}") << QStringLiteral("{\"a\": {}}");
        QTest::newRow("lone backslash") << QStringLiteral("C:\\dir") << QStringLiteral("C:\\dir");
        QTest::newRow("utf8") << QStringLiteral("\u00e9{{host}}\u4e2d") << QStringLiteral("\u00e9env.example\u4e2d");
    }
    void escapingAndLiterals()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto result = layered().resolve(input, QStringLiteral("body"));
        QVERIFY(result.ok());
        QCOMPARE(result.text, expected);
    }

    void emptyNameIsAnError() { QVERIFY(!layered().resolve(u"{{ }}", QStringLiteral("URL")).ok()); }

    void requestFieldsAreResolvedAndDisabledRowsSkipped()
    {
        VariableResolver r = layered();
        RequestSpec spec;
        spec.url = QStringLiteral("{{scheme}}://{{host}}/");
        spec.queryParams = {{QStringLiteral("q"), QStringLiteral("{{who}}"), true}};
        spec.headers = {{QStringLiteral("X-Who"), QStringLiteral("{{who}}"), true},
                        {QStringLiteral("X-Off"), QStringLiteral("{{undefined}}"), false}};
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.text = QStringLiteral("{\"host\": \"{{host}}\"}");
        spec.auth.kind = AuthSpec::Kind::Basic;
        spec.auth.username = QStringLiteral("{{who}}");
        const auto result = r.resolve(spec);
        QVERIFY(result.ok());
        QCOMPARE(result.request.url, QStringLiteral("https://env.example/"));
        QCOMPARE(result.request.queryParams[0].value, QStringLiteral("collection"));
        QCOMPARE(result.request.headers[0].value, QStringLiteral("collection"));
        QCOMPARE(result.request.headers[1].value, QStringLiteral("{{undefined}}"));
        QCOMPARE(result.request.body.text, QStringLiteral("{\"host\": \"env.example\"}"));
        QCOMPARE(result.request.auth.username, QStringLiteral("collection"));

        spec.headers[1].enabled = true;
        const auto failed = r.resolve(spec);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error->message(), QStringLiteral("unknown variable 'undefined' in header 'X-Off'"));
        QCOMPARE(failed.request, spec); // untouched: nothing half-resolved can be sent by mistake
    }

    void variablesIn()
    {
        QCOMPARE(VariableResolver::variablesIn(u"{{a}}/{{ b }}/\\{{c}}/{{a}}"),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }
};

QTEST_GUILESS_MAIN(TestVariableResolver)
#include "TestVariableResolver.moc"
