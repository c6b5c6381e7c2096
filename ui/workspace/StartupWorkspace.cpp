#include "StartupWorkspace.h"

#include "secrets/SecretStore.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/WorkspaceStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace tb::ui {

using namespace Qt::StringLiterals;

namespace {

const QString kWorkspaceKey = QStringLiteral("session/workspace");

QString dataFolder(const QString& name)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + name;
}

} // namespace

StartupWorkspace::StartupWorkspace(QSettings* settings, SecretStore* secrets, QObject* context)
    : m_settings(settings), m_secrets(secrets), m_context(context)
{}

QString StartupWorkspace::choose()
{
    const QString remembered = m_settings->value(kWorkspaceKey).toString();
    if (!remembered.isEmpty() && QFileInfo::exists(remembered))
        return remembered;
    const QString dir = dataFolder(QStringLiteral("workspace"));
    m_settings->setValue(kWorkspaceKey, dir);
    if (QFileInfo::exists(dir + u"/tokenbench.json"_s))
        return dir;
    m_firstRun = true;
    return copyDemo(dir);
}

QString StartupWorkspace::demo()
{
    const QString dir = copyDemo(dataFolder(QStringLiteral("demo-workspace")));
    if (!dir.isEmpty())
        m_settings->setValue(kWorkspaceKey, dir);
    return dir;
}

QString StartupWorkspace::copyDemo(const QString& dir)
{
    const QStringList candidates = {
        QCoreApplication::applicationDirPath() + u"/../share/tokenbench/demo"_s,
        QStringLiteral(TOKENBENCH_DEMO_DIR),
    };
    for (const QString& demo : candidates) {
        if (!QFileInfo::exists(demo + u"/workspace/tokenbench.json"_s))
            continue;
        QString error;
        const bool exists = QFileInfo::exists(dir + u"/tokenbench.json"_s); // an earlier copy: only the secrets
        if (!exists && !DemoWorkspace::copy(demo + u"/workspace"_s, dir, &error)) {
            m_error =
                QCoreApplication::translate("tb::ui::MainWindow", "Could not create the demo workspace: %1").arg(error);
            return {};
        }
        QFile seed(demo + u"/seed.json"_s);
        const auto loaded = WorkspaceStore::load(dir);
        if (loaded.ok() && seed.open(QIODevice::ReadOnly)) {
            for (const auto& secret : DemoWorkspace::secretsFromSeed(loaded.workspace, seed.readAll(), &error))
                m_secrets->write(secret.ref, secret.value.toUtf8(), m_context, [](const SecretResult&) {});
        }
        return dir;
    }
    return {};
}

} // namespace tb::ui
