#include "secrets/MemorySecretStore.h"
#include "workspace/ActiveVariables.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tb;

// The app's variable layers over a real (memory) SecretStore: secret values arrive asynchronously and rebuild the
// environment's layer; globals sit below it and the overrides above.
class TestActiveVariables : public QObject
{
    Q_OBJECT

private:
    static QString value(const ActiveVariables& variables, const QString& name)
    {
        const auto resolved = variables.resolver().resolve(u"{{%1}}"_s.arg(name), u"test"_s);
        return resolved.ok() ? resolved.text : u"<unknown>"_s;
    }

private slots:
    void layersTheEnvironmentAndReadsItsSecrets()
    {
        MemorySecretStore store;
        store.write(u"ref-token"_s, "t0k3n", nullptr, {});
        ActiveVariables variables(&store);
        QSignalSpy changed(&variables, &ActiveVariables::changed);
        variables.setGlobal(u"host"_s, u"global"_s);
        variables.setGlobal(u"region"_s, u"eu"_s);

        Environment local;
        local.name = u"Local"_s;
        local.variables = {Variable{u"host"_s, u"environment"_s, false, {}, true, {}},
                           Variable{u"token"_s, {}, true, u"ref-token"_s, true, {}},
                           Variable{u"off"_s, u"x"_s, false, {}, false, {}}};
        variables.setEnvironment(local);
        QCOMPARE(value(variables, u"host"_s), u"environment"_s); // above the globals
        QCOMPARE(value(variables, u"region"_s), u"eu"_s);
        QCOMPARE(value(variables, u"off"_s), u"<unknown>"_s);
        QCOMPARE(variables.secretNames(), QSet<QString>{u"token"_s});
        QCOMPARE(value(variables, u"token"_s), u"<unknown>"_s); // not read yet: the store answers later
        const int before = int(changed.count());
        QTRY_COMPARE(value(variables, u"token"_s), u"t0k3n"_s);
        QVERIFY(changed.count() > before);
        QCOMPARE(variables.secretValues().value(u"ref-token"_s), u"t0k3n"_s);

        variables.setOverrides(u"localServer"_s, {{u"host"_s, u"override"_s}});
        QCOMPARE(value(variables, u"host"_s), u"override"_s);
        QCOMPARE(variables.resolver().layerNames(), (QStringList{u"globals"_s, u"environment"_s, u"localServer"_s}));
        variables.setEnvironment(std::nullopt);
        variables.setOverrides(u"localServer"_s, {});
        QCOMPARE(value(variables, u"host"_s), u"global"_s);
        QVERIFY(variables.secretNames().isEmpty());
    }

    // A saved request's collection secrets: the missing ones are read once, then done runs; an unreadable one stays
    // unknown.
    void readsMissingSecretsThenAnswers()
    {
        MemorySecretStore store;
        store.write(u"ref-a"_s, "a-value", nullptr, {});
        ActiveVariables variables(&store);
        variables.setSecretValue(u"ref-known"_s, u"known"_s);
        int done = 0;
        variables.readSecrets({u"ref-a"_s, u"ref-known"_s, u"ref-missing"_s}, this, [&done] { ++done; });
        QCOMPARE(done, 0); // always later, from the event loop
        QTRY_COMPARE(done, 1);
        QCOMPARE(variables.secretValues().value(u"ref-a"_s), u"a-value"_s);
        QVERIFY(!variables.secretValues().contains(u"ref-missing"_s));

        variables.readSecrets({u"ref-a"_s}, this, [&done] { ++done; }); // nothing to read
        QCOMPARE(done, 1);
        QTRY_COMPARE(done, 2);
        variables.forgetSecretValue(u"ref-a"_s);
        QVERIFY(!variables.secretValues().contains(u"ref-a"_s));
    }
};

QTEST_GUILESS_MAIN(TestActiveVariables)
#include "TestActiveVariables.moc"
