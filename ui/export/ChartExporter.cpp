// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ChartExporter.h"

#include "report/CsvExport.h"

#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <memory>

namespace cpm {

namespace {

constexpr QSize fallbackSize(800, 500);
constexpr double pointsPerPixel = 0.75;  // CSS convention: 96 px = 72 pt

/**
 * Puts a chart into a state fit for export and undoes it on destruction: no animations (a
 * freshly built chart would otherwise be painted mid-animation, bars at zero height), the
 * light theme, the export size, and a scene when the chart has none (Qt Charts only paints
 * through QGraphicsScene).
 */
class ExportStaging
{
public:
    ExportStaging(QChart *chart, const QSize &size, bool lightTheme)
        : m_chart(chart), m_theme(chart->theme()), m_animations(chart->animationOptions()),
          m_geometry(chart->geometry())
    {
        m_chart->setAnimationOptions(QChart::NoAnimation);
        if (lightTheme && m_theme != QChart::ChartThemeLight) {
            // setTheme() replaces series colours too; restoring the old theme re-applies its
            // colours, so brushes set by hand on a dark-themed chart do not survive an export.
            m_chart->setTheme(QChart::ChartThemeLight);
            m_themeChanged = true;
        }
        if (!m_chart->scene()) {
            m_scene = std::make_unique<QGraphicsScene>();
            m_scene->addItem(m_chart);
        }
        resizeNow(QSizeF(size));
    }
    ~ExportStaging()
    {
        resizeNow(m_geometry.size());
        if (m_themeChanged)
            m_chart->setTheme(m_theme);
        m_chart->setAnimationOptions(m_animations);
        if (m_scene)
            m_scene->removeItem(m_chart);  // the scene must not delete a chart it does not own
    }
    ExportStaging(const ExportStaging &) = delete;
    ExportStaging &operator=(const ExportStaging &) = delete;

    QGraphicsScene *scene() const { return m_chart->scene(); }
    QRectF sourceRect() const { return m_chart->mapRectToScene(QRectF(QPointF(0, 0), m_chart->size())); }

private:
    // Qt lays a chart out on a posted LayoutRequest; activating the layout now gives the
    // final geometry without spinning the event loop.
    void resizeNow(const QSizeF &size)
    {
        m_chart->resize(size);
        if (m_chart->layout())
            m_chart->layout()->activate();
    }

    QChart *m_chart;
    QChart::ChartTheme m_theme;
    QChart::AnimationOptions m_animations;
    QRectF m_geometry;
    bool m_themeChanged = false;
    std::unique_ptr<QGraphicsScene> m_scene;
};

Error failure(const QString &path, const QString &reason)
{
    Error error = Error::make(Error::Code::FileWrite, reason);
    error.file = path;
    return error;
}

ChartExportOptions withViewSize(QChartView *view, ChartExportOptions options)
{
    if (options.size.isEmpty())
        options.size = view->viewport()->size();
    return options;
}

} // namespace

QSize ChartExporter::exportSize(QChart *chart, const ChartExportOptions &options)
{
    if (!options.size.isEmpty())
        return options.size;
    const QSize current = chart->size().toSize();
    return current.width() > 1 && current.height() > 1 ? current : fallbackSize;
}

void ChartExporter::render(QChart *chart, QPainter *painter, const QRectF &target, const QSize &logicalSize,
                           bool lightTheme)
{
    ExportStaging staging(chart, logicalSize, lightTheme);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    // Explicit target and source rects: with null rects QGraphicsScene::render maps the whole
    // device, which double-scales on high-DPI pixmaps (TOOLCHAIN.md, "zoomed 4×").
    staging.scene()->render(painter, target, staging.sourceRect(), Qt::IgnoreAspectRatio);
    painter->restore();
}

QImage ChartExporter::toImage(QChart *chart, const ChartExportOptions &options)
{
    const QSize size = exportSize(chart, options);
    const int scale = std::clamp(options.scale, 1, 4);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    render(chart, &painter, QRectF(image.rect()), size, options.lightTheme);
    painter.end();
    return image;
}

Error ChartExporter::savePng(QChart *chart, const QString &path, const ChartExportOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!toImage(chart, options).save(&buffer, "PNG"))
        return failure(path, QStringLiteral("cannot encode the chart as PNG"));
    return writeFileAtomically(path, bytes);
}

Error ChartExporter::saveSvg(QChart *chart, const QString &path, const ChartExportOptions &options)
{
    const QSize size = exportSize(chart, options);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    // The width/height attributes are written in mm from this; 96 dpi makes them the same
    // number of CSS pixels as the viewBox (Qt's default 72 dpi would enlarge the image by 4/3).
    generator.setResolution(96);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(chart->title());
    generator.setDescription(QStringLiteral("Exported by cpm"));
    QPainter painter;
    if (!painter.begin(&generator))
        return failure(path, QStringLiteral("cannot start the SVG document"));
    render(chart, &painter, QRectF(QPointF(0, 0), QSizeF(size)), size, options.lightTheme);
    painter.end();
    return writeFileAtomically(path, bytes);
}

Error ChartExporter::savePdf(QChart *chart, const QString &path, const ChartExportOptions &options)
{
    const QSize size = exportSize(chart, options);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("cpm"));
        pdf.setTitle(chart->title());
        pdf.setPageSize(QPageSize(QSizeF(size) * pointsPerPixel, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(300);
        QPainter painter;
        if (!painter.begin(&pdf))
            return failure(path, QStringLiteral("cannot start the PDF document"));
        render(chart, &painter, QRectF(painter.viewport()), size, options.lightTheme);
        painter.end();  // flushes the PDF into the buffer
    }
    return writeFileAtomically(path, bytes);
}

void ChartExporter::copyToClipboard(QChart *chart, const ChartExportOptions &options)
{
    QGuiApplication::clipboard()->setImage(toImage(chart, options));
}

QImage ChartExporter::toImage(QChartView *view, ChartExportOptions options)
{
    return toImage(view->chart(), withViewSize(view, options));
}

Error ChartExporter::savePng(QChartView *view, const QString &path, ChartExportOptions options)
{
    return savePng(view->chart(), path, withViewSize(view, options));
}

Error ChartExporter::saveSvg(QChartView *view, const QString &path, ChartExportOptions options)
{
    return saveSvg(view->chart(), path, withViewSize(view, options));
}

Error ChartExporter::savePdf(QChartView *view, const QString &path, ChartExportOptions options)
{
    return savePdf(view->chart(), path, withViewSize(view, options));
}

} // namespace cpm
