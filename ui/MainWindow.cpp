#include "MainWindow.h"

#include <QLabel>

namespace tb::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Tokenbench"));
    auto* placeholder = new QLabel(tr("Tokenbench"), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

} // namespace tb::ui
