// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

#include <QPalette>

#include <functional>

class QBarSet;
class QChart;

namespace cpm {

/** A chart built for one metric table, and how to point at one of its rows. */
struct MetricChart
{
    QChart *chart = nullptr;
    /** Highlights the bar/slice of source row @p row (-1 clears). */
    std::function<void(int row)> highlight;
};

/** Options of the dashboard charts. */
struct ChartOptions
{
    bool compact = false;          ///< overview thumbnails: no title, no legend, fewer labels
    bool avgStoreTotal = false;    ///< typology × country: average store total instead of per transaction
    bool fromStoreCreated = false; ///< time to 5th: store created → 5th instead of 1st → 5th
    QPalette palette;
};

/** Called with the source row of a clicked bar or slice. */
using RowCallback = std::function<void(int row)>;

/**
 * Builds the Qt Charts of the five metrics (the only Qt Charts code): horizontal top-10 bars,
 * grouped typology × country bars, a device-type donut and a time-to-5th histogram. Hovering
 * shows exact values; colours follow the palette (light or dark).
 */
class ChartFactory
{
public:
    /** The chart of metric @p id for @p snapshot. The caller owns the chart. */
    static MetricChart forMetric(const QString &id, const MetricsSnapshot &snapshot, const ChartOptions &options,
                                 const RowCallback &clicked = {});

    static MetricChart topBars(const MetricTable &table, const QString &valueKey, const ChartOptions &options,
                               const RowCallback &clicked);
    static MetricChart groupedBars(const MetricTable &table, const ChartOptions &options, const RowCallback &clicked);
    static MetricChart donut(const MetricTable &table, const ChartOptions &options, const RowCallback &clicked);
    static MetricChart histogram(const MetricsSnapshot &snapshot, const ChartOptions &options,
                                 const RowCallback &clicked);

    /** Dark theme when the window colour is dark, light otherwise; background from the palette. */
    static void applyPalette(QChart *chart, const QPalette &palette);
    /** What a row of a top table is called on a chart axis ("Beta (#2)", "Apple (111)"). */
    static QString rowLabel(const MetricTable &table, int row);

private:
    static void connectGroupedBars(const QVector<QBarSet *> &sets, const QVector<QPair<int, int>> &rowToBar,
                                   const MetricTable &table, const QString &valueKey, const RowCallback &clicked);
};

} // namespace cpm
