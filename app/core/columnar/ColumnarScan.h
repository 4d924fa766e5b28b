// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "columnar/Aggregates.h"
#include "metrics/MetricFilter.h"

#include <vector>

namespace cpm::columnar {

class ColumnarTable;

/** A metric filter resolved against the table's dictionaries. */
struct ColumnarQuery
{
    std::vector<int> statuses;  ///< status indices (unknown names are simply absent)
    TimeColumn column = TimeColumn::HappenedAt;
    bool hasRange = false;
    qint64 lo = 0, hi = 0;      ///< inclusive seconds, when hasRange

    static ColumnarQuery from(const ColumnarTable &table, const MetricFilter &filter);
};

/**
 * Whether the engine may use a second thread (scans of 400k+ rows, the per-status aggregates):
 * on machines with two cores or more, unless turned off (the tests compare
 * both ways, which must give identical results).
 */
bool parallel();
void setParallel(bool allowed);

/** Empty aggregates shaped for @p table. */
Aggregates emptyAggregates(const ColumnarTable &table);
/**
 * Makes @p aggregates the empty aggregates of @p table, reusing its buffers: 10 MB of fresh
 * pages per filter change at 10M rows cost more to fault in than to fill.
 */
void resetAggregates(const ColumnarTable &table, Aggregates *aggregates);
/** One Aggregates per status over every row with a @p column time (at load). */
std::vector<Aggregates> aggregatePerStatus(const ColumnarTable &table, TimeColumn column);
/**
 * The aggregates of the rows @p query matches. Without a date range: the sum of the
 * precomputed per-status aggregates (no row is read); for a single status, the table's own
 * aggregates, not a copy (10+ MB at 10M rows). With one: a scan of the slice of rows the range
 * can touch, split over two threads when it is large. Anything computed goes into @p storage
 * (its buffers are reused); the result lives as long as @p table and @p storage.
 */
const Aggregates &evaluate(const ColumnarTable &table, const ColumnarQuery &query, Aggregates *storage);

} // namespace cpm::columnar
