#include "workspace/RequestLocation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

AuthSpec auth(AuthSpec::Kind kind, const QString& value = {})
{
    AuthSpec a;
    a.kind = kind;
    a.token = value;
    a.oauthProfile = value;
    return a;
}

Workspace nested()
{
    Workspace ws;
    Collection c;
    c.name = u"Users API"_s;
    c.slug = u"users-api"_s;
    c.auth = auth(AuthSpec::Kind::OAuth2, u"demo"_s);
    c.variables = {Variable{u"v"_s, u"collection"_s, false, {}, true, {}}};
    CollectionItem outer;
    outer.kind = CollectionItem::Kind::Folder;
    outer.name = u"Outer"_s;
    outer.slug = u"outer"_s;
    outer.variables = {Variable{u"v"_s, u"outer"_s, false, {}, true, {}}};
    CollectionItem inner = outer;
    inner.name = u"Inner"_s;
    inner.slug = u"inner"_s;
    inner.auth = auth(AuthSpec::Kind::Bearer, u"{{t}}"_s);
    inner.variables = {};
    CollectionItem r;
    r.name = u"Get one"_s;
    r.slug = u"get-one"_s;
    inner.children.push_back(r);
    r.name = u"Public"_s;
    r.slug = u"public"_s;
    r.request.auth = auth(AuthSpec::Kind::None);
    inner.children.push_back(r);
    outer.children.push_back(inner);
    r.name = u"Top"_s;
    r.slug = u"top"_s;
    r.request.auth = auth(AuthSpec::Kind::Inherit);
    outer.children.push_back(r);
    c.items.push_back(outer);
    ws.collections.push_back(c);
    return ws;
}

} // namespace

class TestRequestLocation : public QObject
{
    Q_OBJECT

private slots:
    void findsBySlugOrName();
    void inheritsAuth();
    void reportsWrongPaths();
    void layersVariables();
};

void TestRequestLocation::findsBySlugOrName()
{
    const Workspace ws = nested();
    const auto bySlug = RequestLocation::find(ws, u"users-api/outer/inner/get-one"_s, nullptr);
    QVERIFY(bySlug);
    QCOMPARE(bySlug->item->name, u"Get one"_s);
    const auto byName = RequestLocation::find(ws, u"Users API/Outer/inner/GET ONE"_s, nullptr);
    QVERIFY(byName);
    QCOMPARE(byName->item, bySlug->item);
    QCOMPARE(byName->path(), u"users-api/outer/inner/get-one"_s);
}

void TestRequestLocation::inheritsAuth()
{
    const Workspace ws = nested();
    // request inherits -> inner folder's bearer
    QCOMPARE(RequestLocation::find(ws, u"users-api/outer/inner/get-one"_s, nullptr)->effectiveAuth(),
             auth(AuthSpec::Kind::Bearer, u"{{t}}"_s));
    // request says none
    QCOMPARE(RequestLocation::find(ws, u"users-api/outer/inner/public"_s, nullptr)->effectiveAuth().kind,
             AuthSpec::Kind::None);
    // request and outer folder inherit -> the collection's oauth2 profile
    QCOMPARE(RequestLocation::find(ws, u"users-api/outer/top"_s, nullptr)->effectiveAuth(),
             auth(AuthSpec::Kind::OAuth2, u"demo"_s));
    // inherit all the way up -> none
    QCOMPARE(RequestLocation::effectiveAuth(AuthSpec{}, {}).kind, AuthSpec::Kind::None);
}

void TestRequestLocation::reportsWrongPaths()
{
    const Workspace ws = nested();
    QString error;
    QVERIFY(!RequestLocation::find(ws, u"nope/x"_s, &error));
    QVERIFY(error.contains(u"no collection \"nope\""_s));
    QVERIFY(!RequestLocation::find(ws, u"users-api/outer/missing"_s, &error));
    QVERIFY2(error.contains(u"missing"_s), qPrintable(error));
    QVERIFY(!RequestLocation::find(ws, u"users-api/outer"_s, &error));
    QVERIFY(error.contains(u"folder"_s));
    QVERIFY(!RequestLocation::find(ws, u"users-api/outer/top/x"_s, &error));
    QVERIFY(!RequestLocation::find(ws, u"users-api"_s, &error));
}

void TestRequestLocation::layersVariables()
{
    const Workspace ws = nested();
    const auto layers = RequestLocation::find(ws, u"users-api/outer/inner/get-one"_s, nullptr)->variableLayers();
    QCOMPARE(layers.size(), 3u);
    QCOMPARE(layers.at(0).at(0).value, u"collection"_s);
    QCOMPARE(layers.at(1).at(0).value, u"outer"_s);
    QVERIFY(layers.at(2).isEmpty());
}

QTEST_GUILESS_MAIN(TestRequestLocation)
#include "TestRequestLocation.moc"
