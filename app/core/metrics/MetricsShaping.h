// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

namespace cpm::shaping {

/*
 * What the two metric engines (SQL over the marts, C++ over the columnar snapshot) share:
 * the column layout of every table and the steps after the raw rows are known. Both engines
 * fill rows in exactly these column orders, so their results can be compared cell by cell.
 */

void describeTopStores(MetricTable *table);
void describeTopProducts(MetricTable *table);
void describeAvgByTypologyCountry(MetricTable *table);
void describeDeviceTypeShare(MetricTable *table);
/** Per-store and per-customer tables of metric 5. */
void describeTimeToFifth(MetricsSnapshot *snapshot);
/**
 * Columns of the per-store source rows of metric 5: the per-store table's columns plus
 * transactions_seen; fifth_at and seconds are null for stores with fewer than five.
 */
QVector<MetricColumn> timeToFifthSourceColumns(const MetricsSnapshot &snapshot);

/** Drops the extra row fetched past the limit; notes when it ties with the last one shown. */
void cutAtLimit(MetricTable *table, const QString &sortKey, const QString &labelKey, const QString &what);
/** Null device types (device missing from devices.csv) become "(unknown device)" with a note. */
void nameUnknownDevices(MetricTable *table);
/** The data-smell note when stores reached their 5th transaction before their created_at. */
void noteFifthBeforeStoreCreated(MetricsSnapshot *snapshot);
/** Summary, per-store rows (stores with five) and per-customer averages from the source rows. */
void finishTimeToFifth(const MetricTable &source, MetricsSnapshot *snapshot);

} // namespace cpm::shaping
