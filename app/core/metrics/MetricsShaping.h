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

/** Fewer transactions than this in a metric 3 cell raise its few_transactions flag. */
constexpr qint64 fewTransactions = 5;

/**
 * Keeps the first MetricsEngine::topLimit rows of a ranked top list. The rows fetched past the
 * cut that tie with the last one shown are named in table->tieAtCut and a note;
 * @p tiedWithLast: how many items of the whole ranking share that value (0: unknown).
 */
void cutAtLimit(MetricTable *table, const QString &sortKey, const QString &labelKey, qint64 tiedWithLast);
/** Sets metric 3's few_transactions flag per cell, with a note counting the flagged cells. */
void flagFewTransactions(MetricTable *table);
/** Notes giving the median, quartiles and range of both metric 5 clocks. */
void noteSpread(MetricsSnapshot *snapshot);
/** Null device types (device missing from devices.csv) become "(unknown device)" with a note. */
void nameUnknownDevices(MetricTable *table);
/** The data-smell note when stores reached their 5th transaction before their created_at. */
void noteFifthBeforeStoreCreated(MetricsSnapshot *snapshot);
/** Summary, per-store rows (stores with five) and per-customer averages from the source rows. */
void finishTimeToFifth(const MetricTable &source, MetricsSnapshot *snapshot);

} // namespace cpm::shaping
