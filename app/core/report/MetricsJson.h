// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cpm {

/** The "filters" object of the JSON documents: statuses, time_column, from, to, store_version. */
QJsonObject filtersToJson(const MetricFilter &filter);
/** One table as an array of objects keyed by column key (timestamps ISO 8601, nulls as null). */
QJsonArray tableToJson(const MetricTable &table);
/**
 * The documented `cpm-cli metrics --format json` document: "filters", one key per metric
 * id (only @p metricId when given), "coverage". Metric 5 is an object with its summary,
 * "per_store" and "per_customer".
 */
QJsonObject snapshotToJson(const MetricsSnapshot &snapshot, const QString &metricId = QString());

} // namespace cpm
