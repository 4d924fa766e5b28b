// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricTable.h"

#include <QPalette>
#include <QVector>

class QChart;

namespace cpm {

/**
 * The anomalies page's chart: refused and cancelled rates (percent) of up to @p maxRows rows
 * of an anomaly table, in the order given (the table's sort order on screen), as grouped
 * horizontal bars; on the per-store table the labels of flagged stores end in "⚑".
 */
class AnomalyChart
{
public:
    static constexpr int maxRows = 15;

    /** @p rows: source rows of @p table to show, in order (at most maxRows are used). The caller owns the chart. */
    static QChart *create(const MetricTable &table, const QVector<int> &rows, const QPalette &palette);
    /** What row @p row of an anomaly table is called on the axis. */
    static QString rowLabel(const MetricTable &table, int row);
};

} // namespace cpm
