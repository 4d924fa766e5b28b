// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

#include <memory>
#include <optional>
#include <vector>

namespace cpm::columnar {

class ColumnarTable;
struct Aggregates;

/**
 * What the metric-5 tables show of each store, in store order. Built once per loaded table and
 * shared by the typed rows of every snapshot computed from it, so a snapshot the window keeps
 * holds a few MB of labels (the names are implicitly shared QStrings) rather than the whole
 * fact table. Compact arrays also keep metric 5's pass over 100k stores in cache, where the
 * 128-byte Store records were not.
 */
struct StoreLabels
{
    explicit StoreLabels(const ColumnarTable &t);

    std::vector<qint64> ids;
    std::vector<QString> names, customers;
    std::vector<std::optional<qint64>> createdAt;
    std::vector<qint32> customerIndex; ///< into customerIds
    QStringList customerIds;           ///< ColumnarTable::customers (an implicitly shared copy)
};

/**
 * Metric 5 straight from the per-store first five: the summary, the per-customer averages and
 * the per-store, below-five and per-customer tables, all three as typed rows (a store index and
 * two times per row, or a customer index and a sum) instead of 100k + 25k QVariant rows.
 */
void timeToFifth(const std::shared_ptr<const StoreLabels> &labels, const Aggregates &a, MetricsSnapshot *snapshot);

} // namespace cpm::columnar
