#include "ThemedIcon.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

// Resources compiled into a static library are registered by hand (nothing else references them).
static void registerIcons()
{
    static const bool registered = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(registered);
}

namespace tb::ui {

namespace {

QString resourcePath(const QString& name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

class TintedSvgEngine : public QIconEngine
{
public:
    explicit TintedSvgEngine(const QString& path) : m_path(path) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, render(rect.size() * ratio, ratio, mode, state));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, 1.0, mode, state);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return render(size, scale, mode, state);
    }

    QIconEngine* clone() const override { return new TintedSvgEngine(m_path); }
    QString key() const override { return QStringLiteral("TintedSvgEngine"); }

private:
    // size in device pixels (QIcon passes scaledPixmap() the logical size times the scale already).
    QPixmap render(const QSize& size, qreal ratio, QIcon::Mode mode, QIcon::State) const
    {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(m_path);
        QPainter painter(&image);
        renderer.render(&painter);
        // The SVG gives the shape; the palette gives the colour (greyed when disabled).
        const QPalette palette = QGuiApplication::palette();
        QColor colour = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                      mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), colour);
        painter.end();
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(ratio);
        return pixmap;
    }

    QString m_path;
};

} // namespace

QIcon ThemedIcon::fromName(const QString& name)
{
    registerIcons();
    return QIcon(new TintedSvgEngine(resourcePath(name)));
}

bool ThemedIcon::exists(const QString& name)
{
    registerIcons();
    return QFile::exists(resourcePath(name)) && QSvgRenderer(resourcePath(name)).isValid();
}

} // namespace tb::ui
