#include "InteropActions.h"

#include "auth/OAuthProfile.h"
#include "interop/CurlImporter.h"
#include "interop/PostmanExporter.h"
#include "interop/WorkspaceImport.h"
#include "secrets/SecretStore.h"
#include "workspace/OpenWorkspace.h"
#include "workspace/Slug.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QUrl>
#include <QVBoxLayout>

namespace tb::ui {

using namespace Qt::StringLiterals;

InteropActions::InteropActions(OpenWorkspace* workspace, SecretStore* secrets, QWidget* window)
    : QObject(window), m_workspace(workspace), m_secrets(secrets), m_window(window)
{}

void InteropActions::importCurl()
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("importCurlDialog"));
    dialog->setWindowTitle(tr("Import a curl command"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("curlPlainTextEdit"));
    text->setAccessibleName(tr("curl command"));
    text->setPlaceholderText(QStringLiteral("curl -H 'Accept: application/json' https://api.example.com/users"));
    auto* problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("importProblemLabel"));
    problem->setAccessibleName(tr("Import problem"));
    problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, text, problem] {
        const CurlImporter::Result result = CurlImporter::fromCommand(text->toPlainText());
        if (!result.ok()) {
            problem->setText(result.error);
            return;
        }
        const QUrl url(result.request.url);
        emit requestImported(url.host().isEmpty() ? tr("Imported request") : url.host() + url.path(), result.request);
        if (!result.notes.isEmpty())
            emit message(result.notes.join(u' '), 10000);
        dialog->accept();
    });
    dialog->resize(640, 320);
    dialog->open();
}

void InteropActions::importPostman()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import a Postman collection or environment"), {},
                                                      tr("Postman files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void InteropActions::importFile(const QString& path)
{
    if (!m_workspace->isOpen()) {
        m_pendingImports << path;
        return;
    }
    const QString title = tr("Import of %1").arg(QFileInfo(path).fileName());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showImportReport(title, {}, {}, tr("Could not read %1: %2").arg(path, file.errorString()));
        return;
    }
    const WorkspaceImport::Result result = WorkspaceImport::postmanFile(m_workspace->directory(), file.readAll());
    for (const SecretWrite& secret : result.secrets) {
        emit secretImported(secret.ref, secret.value);
        m_secrets->write(secret.ref, secret.value.toUtf8(), this, [this](const SecretResult& written) {
            if (!written.ok())
                emit message(tr("Could not store a secret: %1").arg(written.error), 8000);
        });
    }
    if (result.ok())
        m_workspace->open(m_workspace->directory()); // the import wrote the files: read them again
    showImportReport(title, result.created, result.notes, result.error);
}

void InteropActions::importPending()
{
    for (const QString& path : std::exchange(m_pendingImports, {}))
        importFile(path);
}

bool InteropActions::isImportDrop(const QMimeData* data)
{
    const QList<QUrl> urls = data->urls();
    return !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl& url) {
        return url.isLocalFile() && url.fileName().endsWith(u".json"_s, Qt::CaseInsensitive);
    });
}

void InteropActions::importDrop(const QMimeData* data)
{
    for (const QUrl& url : data->urls())
        if (url.isLocalFile())
            importFile(url.toLocalFile());
}

// Says what came in, what was not mapped and which scripts were not run; the details are the importer's notes.
void InteropActions::showImportReport(const QString& title, const QStringList& created, const QStringList& notes,
                                      const QString& error)
{
    QString text;
    if (!error.isEmpty())
        text = tr("Nothing was imported: %1").arg(error);
    else if (notes.isEmpty())
        text = tr("Imported %1. Everything was mapped.").arg(created.join(QStringLiteral(", ")));
    else
        text = tr("Imported %1. %n thing(s) could not be mapped exactly (scripts are kept but never run); see the "
                  "details.",
                  nullptr, int(notes.size()))
                   .arg(created.join(QStringLiteral(", ")));
    auto* box = new QMessageBox(error.isEmpty() ? QMessageBox::Information : QMessageBox::Warning, title, text,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("importReportMessageBox"));
    box->setAccessibleName(title);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!notes.isEmpty())
        box->setDetailedText(notes.join(u'\n'));
    box->open();
    emit message(text, 10000);
}

void InteropActions::exportCollectionToFile(const QString& name)
{
    if (name.isEmpty()) {
        emit message(tr("There is no collection to export"), 5000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export “%1” to Postman").arg(name),
                                                      Slug::fromName(name) + u".postman_collection.json"_s,
                                                      tr("Postman collections (*.json)"));
    if (path.isEmpty())
        return;
    const QString error = exportCollection(name, path);
    emit message(error.isEmpty() ? tr("Exported “%1” to %2").arg(name, path) : error, 8000);
}

// Secret variables are written without their values (Postman's "secret" type, empty).
QString InteropActions::exportCollection(const QString& name, const QString& path)
{
    const Workspace& workspace = m_workspace->workspace();
    const Collection* collection = workspace.collection(name);
    if (!collection)
        return tr("There is no collection named “%1”.").arg(name);
    PostmanExporter::Options options;
    options.profile = [&workspace](const QString& profile) -> std::optional<OAuthProfile> {
        const AuthProfileFile* file = workspace.authProfile(profile);
        return file ? OAuthProfile::fromJson(file->json) : std::nullopt;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    file.write(QJsonDocument(PostmanExporter::exportCollection(*collection, options)).toJson());
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

void InteropActions::copyAsCurl(const QString& command)
{
    QApplication::clipboard()->setText(command);
    emit message(tr("Copied as a curl command"), 3000);
}

} // namespace tb::ui
