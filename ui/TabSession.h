#pragma once

#include "http/RequestSpec.h"

#include <QList>
#include <QString>

class QSettings;

namespace tb::ui {

// The open request tabs kept across restarts, in the app's settings. Secrets never reach the settings file: each
// request goes through the Redactor first, and only what a tab needs to come back is kept (a workspace tab is
// reloaded from its file once the workspace is open).
class TabSession
{
public:
    struct Tab
    {
        QString title;
        QString path; // the workspace request; empty for a scratch request
        RequestSpec spec;
    };

    explicit TabSession(QSettings* settings) : m_settings(settings) {}

    void save(const QList<Tab>& tabs, int currentIndex);
    // The tabs as saved (method, URL, params and headers; redacted); an empty list when none were.
    QList<Tab> tabs() const;
    int currentIndex() const;

private:
    QSettings* m_settings;
};

} // namespace tb::ui
