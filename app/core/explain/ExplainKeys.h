// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricTable.h"

namespace cpm::explain {

/*
 * From a row of a metric table (as the dashboard and the CLI show it) to what
 * MetricExplainer takes: the metric and the key of the row.
 */

/** The metric a table of id @p tableId explains (its "fewer than 5" table: metric 5); empty: none. */
QString metricForTable(const QString &tableId);
/** The key of row @p row of @p table: store id, SKU, "TYPOLOGY/COUNTRY" or device type. */
QString keyForRow(const MetricTable &table, int row);
/** The figure a reader most likely asks about for @p metricId when no column says otherwise. */
QString headlineFigure(const QString &metricId);

} // namespace cpm::explain
