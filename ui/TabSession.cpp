#include "TabSession.h"

#include "http/Redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace tb::ui {

namespace {

const QString kTabsKey = QStringLiteral("session/openTabs");
const QString kCurrentTabKey = QStringLiteral("session/currentTab");

QJsonArray rowsToJson(const QList<KeyValueRow>& rows)
{
    QJsonArray array;
    for (const auto& row : rows)
        array.append(QJsonObject{{QStringLiteral("name"), row.name},
                                 {QStringLiteral("value"), row.value},
                                 {QStringLiteral("enabled"), row.enabled}});
    return array;
}

QList<KeyValueRow> rowsFromJson(const QJsonArray& array)
{
    QList<KeyValueRow> rows;
    for (const auto& value : array) {
        const QJsonObject object = value.toObject();
        rows.append({object[u"name"].toString(), object[u"value"].toString(), object[u"enabled"].toBool(true)});
    }
    return rows;
}

} // namespace

void TabSession::save(const QList<Tab>& tabs, int currentIndex)
{
    Redactor redactor;
    QJsonArray array;
    for (const Tab& tab : tabs) {
        const RequestSpec spec = redactor.redact(tab.spec);
        array.append(QJsonObject{{QStringLiteral("title"), tab.title},
                                 {QStringLiteral("path"), tab.path},
                                 {QStringLiteral("method"), spec.method},
                                 {QStringLiteral("url"), spec.url},
                                 {QStringLiteral("params"), rowsToJson(spec.queryParams)},
                                 {QStringLiteral("headers"), rowsToJson(spec.headers)}});
    }
    m_settings->setValue(kTabsKey, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    m_settings->setValue(kCurrentTabKey, currentIndex);
    m_settings->sync();
}

QList<TabSession::Tab> TabSession::tabs() const
{
    QList<Tab> tabs;
    const QJsonArray array = QJsonDocument::fromJson(m_settings->value(kTabsKey).toString().toUtf8()).array();
    for (const auto& value : array) {
        const QJsonObject object = value.toObject();
        Tab tab;
        tab.title = object[u"title"].toString(QCoreApplication::translate("tb::ui::MainWindow", "Request"));
        tab.path = object[u"path"].toString();
        tab.spec.method = object[u"method"].toString(QStringLiteral("GET"));
        tab.spec.url = object[u"url"].toString();
        tab.spec.queryParams = rowsFromJson(object[u"params"].toArray());
        tab.spec.headers = rowsFromJson(object[u"headers"].toArray());
        tabs << tab;
    }
    return tabs;
}

int TabSession::currentIndex() const
{
    return m_settings->value(kCurrentTabKey, 0).toInt();
}

} // namespace tb::ui
