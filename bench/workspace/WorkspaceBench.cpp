// Loads a workspace of N requests and imports an N-request Postman collection, and prints the times.
// Target: under 1 s each for N = 2000 (Bruno needs about 6 s to mount 1,000 requests).
#include "interop/PostmanExporter.h"
#include "interop/PostmanImporter.h"
#include "interop/WorkspaceImport.h"
#include "workspace/WorkspaceStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace tb;

namespace {

// A realistic request: a few headers and query parameters, a JSON body on every other one.
CollectionItem request(int n)
{
    CollectionItem item;
    item.name = QStringLiteral("Request %1").arg(n);
    item.description = QStringLiteral("Generated request number %1 for the benchmark.").arg(n);
    RequestSpec& r = item.request;
    r.method = n % 2 ? u"POST"_s : u"GET"_s;
    r.url = QStringLiteral("{{base_url}}/api/v1/resources/%1/items").arg(n);
    r.queryParams = {{u"page"_s, QString::number(n % 7), true}, {u"filter"_s, u"active"_s, n % 3 != 0}};
    r.headers = {{u"Accept"_s, u"application/json"_s, true},
                 {u"X-Request-Id"_s, QStringLiteral("bench-%1").arg(n), true},
                 {u"X-Trace"_s, u"1"_s, false}};
    if (n % 2) {
        r.body.kind = RequestBody::Kind::Raw;
        r.body.contentType = u"application/json"_s;
        r.body.text =
            QStringLiteral("{\n  \"name\": \"item %1\",\n  \"tags\": [\"a\", \"b\"],\n  \"count\": %1\n}").arg(n);
    }
    return item;
}

// requests spread over collections of 10 folders of 20 requests.
Workspace workspace(int requests)
{
    Workspace ws;
    ws.id = u"bench"_s;
    ws.name = u"Benchmark"_s;
    Environment env;
    env.name = u"local"_s;
    env.variables = {Variable{u"base_url"_s, u"http://127.0.0.1:8000"_s, false, {}, true, {}}};
    ws.environments << env;
    int n = 0;
    while (n < requests) {
        Collection c;
        c.name = QStringLiteral("Collection %1").arg(ws.collections.size() + 1);
        for (int f = 0; f < 10 && n < requests; ++f) {
            CollectionItem folder;
            folder.kind = CollectionItem::Kind::Folder;
            folder.name = QStringLiteral("Folder %1").arg(f + 1);
            for (int r = 0; r < 20 && n < requests; ++r) {
                folder.children.push_back(request(++n));
            }
            c.items.push_back(folder);
        }
        ws.collections.push_back(c);
    }
    return ws;
}

// Median of `runs` timings in milliseconds.
double median(int runs, const std::function<void()>& work)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int requests = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const int runs = 5;
    QTextStream out(stdout);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        qFatal("no temporary directory");
    }

    Workspace model = workspace(requests);
    const QString wsDir = dir.filePath(u"workspace"_s);
    QElapsedTimer timer;
    timer.start();
    const WorkspaceStore::SaveResult saved = WorkspaceStore::save(wsDir, model);
    const double firstSaveMs = timer.nsecsElapsed() / 1e6;
    if (!saved.ok()) {
        qFatal("%s", qPrintable(saved.error));
    }

    size_t loadedRequests = 0;
    const double loadMs = median(runs, [&] {
        const WorkspaceStore::LoadResult loaded = WorkspaceStore::load(wsDir);
        loadedRequests = 0;
        for (const Collection& c : loaded.workspace.collections) {
            for (const CollectionItem& folder : c.items) {
                loadedRequests += folder.children.size();
            }
        }
    });
    const double resaveMs = median(runs, [&] { WorkspaceStore::save(wsDir, model); });

    // One Postman collection holding every request.
    Collection all;
    all.name = u"Everything"_s;
    for (const Collection& c : model.collections) {
        for (const CollectionItem& folder : c.items) {
            all.items.push_back(folder);
        }
    }
    const QByteArray postman = QJsonDocument(PostmanExporter::exportCollection(all, {})).toJson();
    const QString postmanPath = dir.filePath(u"big.postman_collection.json"_s);
    QFile file(postmanPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(postman) != postman.size()) {
        qFatal("cannot write %s", qPrintable(postmanPath));
    }
    file.close();

    const double parseMs = median(runs, [&] {
        QFile in(postmanPath);
        in.open(QIODevice::ReadOnly);
        PostmanImporter::importCollection(in.readAll());
    });
    int importRun = 0;
    const double importMs = median(runs, [&] {
        QFile in(postmanPath);
        in.open(QIODevice::ReadOnly);
        WorkspaceImport::postmanCollection(dir.filePath(QStringLiteral("import-%1").arg(++importRun)), in.readAll());
    });

    out << "workspace benchmark: " << requests << " requests, median of " << runs << " runs\n";
    out << QStringLiteral("  load workspace (%1 requests read)       %2 ms   (target < 1000 ms: %3x under)\n")
               .arg(loadedRequests)
               .arg(loadMs, 0, 'f', 1)
               .arg(1000.0 / loadMs, 0, 'f', 1);
    out << QStringLiteral("  save workspace, first time              %1 ms\n").arg(firstSaveMs, 0, 'f', 1);
    out << QStringLiteral("  save workspace, unchanged               %1 ms\n").arg(resaveMs, 0, 'f', 1);
    out << QStringLiteral("  import Postman collection (%1 KiB)     %2 ms   (target < 1000 ms: %3x under)\n")
               .arg(postman.size() / 1024)
               .arg(parseMs, 0, 'f', 1)
               .arg(1000.0 / parseMs, 0, 'f', 1);
    // Creating 2,000 new files is mostly the file system's work; shown apart so the two are not confused.
    out << QStringLiteral("  import Postman collection and write it as a new workspace  %1 ms\n")
               .arg(importMs, 0, 'f', 1);
    return loadMs < 1000 && parseMs < 1000 ? 0 : 1;
}
