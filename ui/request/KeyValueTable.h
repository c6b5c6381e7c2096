#pragma once

#include "request/KeyValueModel.h"

#include <QTableView>

namespace tb::ui {

// A table of enable/name/value rows; Delete removes the current row. With name suggestions (e.g. common
// header names) the name editor completes them.
class KeyValueTable : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueTable)

public:
    explicit KeyValueTable(const QString& objectName, const QString& accessibleName, QWidget* parent = nullptr);

    KeyValueModel* rowModel() const { return m_model; }
    void setNameSuggestions(const QStringList& names);

    // Names of common request headers for completion.
    static QStringList commonHeaderNames();

private:
    KeyValueModel* m_model;
};

} // namespace tb::ui
