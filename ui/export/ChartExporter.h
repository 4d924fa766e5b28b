// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QImage>
#include <QSize>
#include <QString>

class QChart;
class QChartView;
class QPainter;
class QRectF;

namespace cpm {

/** How a chart is exported. */
struct ChartExportOptions
{
    QSize size;              ///< logical size in pixels; empty: the chart's current size (or 800×500)
    int scale = 1;           ///< PNG/clipboard pixel density: 1, 2 or 3 (clamped to 1..4)
    bool lightTheme = true;  ///< render with QChart::ChartThemeLight, whatever the app's theme
};

/**
 * Writes a QChart as PNG (at 1×/2×/3×), SVG (vector, text as text) or PDF, or puts it on the
 * clipboard. The chart is restored afterwards (theme, animations, size, scene); files are
 * written atomically and errors name the path.
 */
class ChartExporter
{
public:
    /** The chart as an image of size × scale device pixels on white. */
    static QImage toImage(QChart *chart, const ChartExportOptions &options = ChartExportOptions());
    static Error savePng(QChart *chart, const QString &path, const ChartExportOptions &options = ChartExportOptions());
    /** SVG whose viewBox is the logical size; labels stay <text> elements. */
    static Error saveSvg(QChart *chart, const QString &path, const ChartExportOptions &options = ChartExportOptions());
    /** One PDF page exactly the chart's size (1 px = 0.75 pt), vector with embedded fonts. */
    static Error savePdf(QChart *chart, const QString &path, const ChartExportOptions &options = ChartExportOptions());
    /** Copies toImage() to the system clipboard. */
    static void copyToClipboard(QChart *chart, const ChartExportOptions &options = ChartExportOptions());

    /**
     * Paints @p chart laid out at @p logicalSize into @p target of @p painter. Building block
     * for reports that place charts on their own pages.
     */
    static void render(QChart *chart, QPainter *painter, const QRectF &target, const QSize &logicalSize,
                       bool lightTheme = true);

    /** The size exports use when ChartExportOptions::size is empty: the chart's, or 800×500. */
    static QSize exportSize(QChart *chart, const ChartExportOptions &options);

    /** Convenience overloads for a view: its chart at the view's size unless options say otherwise. */
    static QImage toImage(QChartView *view, ChartExportOptions options = ChartExportOptions());
    static Error savePng(QChartView *view, const QString &path, ChartExportOptions options = ChartExportOptions());
    static Error saveSvg(QChartView *view, const QString &path, ChartExportOptions options = ChartExportOptions());
    static Error savePdf(QChartView *view, const QString &path, ChartExportOptions options = ChartExportOptions());
};

} // namespace cpm
