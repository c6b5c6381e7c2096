#include "workspace/RequestContext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

Variable plain(const QString& key, const QString& value)
{
    return Variable{key, value, false, {}, true, {}};
}

Variable secret(const QString& key, const QString& ref)
{
    return Variable{key, {}, true, ref, true, {}};
}

// users-api (host, api_key secret) / admin (host, bearer {{api_key}}) / delete-user (inherits), and an
// environment "Local" with host and region.
Workspace workspace()
{
    Workspace ws;
    Environment local;
    local.name = u"Local"_s;
    local.slug = u"local"_s;
    local.variables = {plain(u"host"_s, u"environment"_s), plain(u"region"_s, u"eu"_s)};
    ws.environments << local;
    ws.defaultEnvironment = u"Local"_s;
    Collection c;
    c.name = u"Users API"_s;
    c.slug = u"users-api"_s;
    c.auth.kind = AuthSpec::Kind::None;
    c.variables = {plain(u"host"_s, u"collection"_s), secret(u"api_key"_s, u"ref-api-key"_s)};
    CollectionItem admin;
    admin.kind = CollectionItem::Kind::Folder;
    admin.name = u"Admin"_s;
    admin.slug = u"admin"_s;
    admin.auth.kind = AuthSpec::Kind::Bearer;
    admin.auth.token = u"{{api_key}}"_s;
    admin.variables = {plain(u"host"_s, u"folder"_s)};
    CollectionItem request;
    request.name = u"Delete user"_s;
    request.slug = u"delete-user"_s;
    request.request.method = u"DELETE"_s;
    request.request.url = u"https://{{host}}/{{region}}/users/7"_s;
    admin.children.push_back(request);
    c.items.push_back(admin);
    ws.collections.push_back(c);
    return ws;
}

} // namespace

// The per-request scope of a saved request, as the CLI (make) and the app (at, over its own environment) use it.
class TestRequestContext : public QObject
{
    Q_OBJECT

private slots:
    void cliContextLayersTheEnvironmentCollectionAndFolders()
    {
        const Workspace ws = workspace();
        QString error;
        const auto context = RequestContext::make(ws, u"users-api/admin/delete-user"_s, {}, &error);
        QVERIFY2(context, qPrintable(error));
        QCOMPARE(context->environment()->name, u"Local"_s); // the default one
        QCOMPARE(context->secretRefs(), QStringList{u"ref-api-key"_s});
        const VariableResolver resolver = context->resolver({{u"ref-api-key"_s, u"k-123"_s}});
        QCOMPARE(resolver.layerNames(), (QStringList{u"environment"_s, u"collection"_s, u"folder admin"_s}));
        const auto resolved = resolver.resolve(context->request());
        QVERIFY(resolved.ok());
        QCOMPARE(resolved.request.url, u"https://folder/eu/users/7"_s);
        QCOMPARE(resolved.request.auth.kind, AuthSpec::Kind::Bearer);
        QCOMPARE(resolved.request.auth.token, u"k-123"_s);
        QVERIFY(context->isSecret(u"api_key"_s));
        QVERIFY(!RequestContext::make(ws, u"users-api/admin/delete-user"_s, u"Prod"_s, &error));
        QVERIFY(error.contains(u"Prod"));
    }

    // The app keeps its own globals and environment in a resolver; the request's scope goes on top, and the tab's
    // edited spec takes the auth it inherits.
    void appContextGoesOverTheAppsOwnLayers()
    {
        const Workspace ws = workspace();
        const auto location = RequestLocation::find(ws, u"Users API/Admin/Delete user"_s, nullptr);
        QVERIFY(location);
        const RequestContext context = RequestContext::at(*location);
        QVERIFY(!context.environment());
        QCOMPARE(context.secretRefs(), QStringList{u"ref-api-key"_s});

        VariableResolver app;
        app.setLayer(VariableResolver::globalsLayer(), {{u"region"_s, u"us"_s}});
        app.setLayer(VariableResolver::environmentLayer(), {{u"host"_s, u"environment"_s}});
        context.addScopeLayers(app, {{u"ref-api-key"_s, u"k-456"_s}});
        QCOMPARE(app.layerNames(), (QStringList{u"globals"_s, u"environment"_s, u"collection"_s, u"folder admin"_s}));

        RequestSpec edited = location->item->request;
        edited.url += u"?force=1"_s;
        const RequestSpec spec = context.withInheritedAuth(edited);
        QCOMPARE(spec.url, edited.url); // the edits stay
        QCOMPARE(spec.auth.kind, AuthSpec::Kind::Bearer);
        const auto resolved = app.resolve(spec);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved.request.url, u"https://folder/us/users/7?force=1"_s);
        QCOMPARE(resolved.request.auth.token, u"k-456"_s);

        edited.auth.kind = AuthSpec::Kind::None; // a request's own auth wins
        QCOMPARE(context.withInheritedAuth(edited).auth.kind, AuthSpec::Kind::None);

        // A secret not read (yet) is unknown, named in the error, never sent as an empty value.
        VariableResolver without;
        without.setLayer(VariableResolver::globalsLayer(), {{u"region"_s, u"us"_s}});
        context.addScopeLayers(without, {});
        const auto unresolved = without.resolve(context.withInheritedAuth(location->item->request));
        QVERIFY(!unresolved.ok());
        QCOMPARE(unresolved.error->variable, u"api_key"_s);
    }
};

QTEST_GUILESS_MAIN(TestRequestContext)
#include "TestRequestContext.moc"
