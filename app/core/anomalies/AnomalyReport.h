// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricFilter.h"
#include "metrics/MetricTable.h"

namespace cpm {

/**
 * The flagging rule of the anomalies page, in one place so the page, the CLI, the report
 * and docs/anomalies.md state the same thing: a store's refused (or cancelled) count k of
 * its n transactions is tested against the rate p0 of the rest of the network (all other
 * stores together) with an exact one-sided binomial test, p = P(X ≥ k | X ~ Bin(n, p0)),
 * and flagged when p < maxPValue and n ≥ minTransactions.
 */
struct AnomalyRule
{
    static constexpr qint64 minTransactions = 20;
    static constexpr double maxPValue = 0.001; ///< a simple threshold, not Bonferroni-corrected

    /** The rule in one paragraph of plain text. */
    static QString text();
    /** Why the status filter is not applied to the rates. */
    static QString statusNote();
};

/** Refused and cancelled rates under a time column and day range, four ways, with flagged stores. */
struct AnomalyReport
{
    MetricFilter filter;             ///< its statuses are ignored: a rate counts every status
    MetricTable byStore;             ///< id "anomaly_rates_by_store", with the test's columns and "flag"
    MetricTable byDeviceType;        ///< "anomaly_rates_by_device_type"
    MetricTable byTypologyCountry;   ///< "anomaly_rates_by_typology_country"
    MetricTable byDay;               ///< "anomaly_rates_by_day"
    qint64 storeTransactions = 0;    ///< transactions of known stores (the network of the test)
    qint64 storeRefused = 0;
    qint64 storeCancelled = 0;
    qint64 flaggedStores = 0;

    bool isEmpty() const { return byStore.isEmpty() && byDay.isEmpty(); }
    /** The four tables in page order. */
    QVector<const MetricTable *> tables() const;
    /** The table for a --by value (store, device_type, typology_country, day); null if unknown. */
    const MetricTable *table(const QString &by) const;
    /** The --by values in page order. */
    static QStringList groupings();
};

} // namespace cpm
