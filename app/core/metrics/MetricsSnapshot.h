// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "anomalies/AnomalyReport.h"
#include "metrics/MetricFilter.h"
#include "metrics/MetricTable.h"
#include "metrics/Spread.h"

#include <optional>

namespace cpm {

/** Headline figures of metric 5 (time for a store to perform its first five transactions). */
struct TimeToFifthSummary
{
    qint64 storesWith5 = 0;    ///< stores with at least five matching transactions
    qint64 storesWithAny = 0;  ///< stores with at least one
    qint64 storesTotal = 0;    ///< all stores of the warehouse
    std::optional<double> avgSeconds;                 ///< 1st → 5th, over storesWith5
    std::optional<double> avgSecondsFromStoreCreated; ///< store created_at → 5th
    qint64 fifthBeforeStoreCreated = 0; ///< stores whose 5th precedes their created_at (a data smell)
    std::optional<Spread> spread;                 ///< of 1st → 5th, over storesWith5
    std::optional<Spread> spreadFromStoreCreated; ///< of store created → 5th

    std::optional<double> avgDays() const;
    std::optional<double> avgDaysFromStoreCreated() const;
};

/** What the current filter matches and what the metrics had to leave out. */
struct Coverage
{
    qint64 transactions = 0;
    double totalAmount = 0;
    qint64 withoutDevice = 0;  ///< device_id unknown to devices.csv: not in store metrics
    qint64 withoutStore = 0;   ///< device known, its store unknown
    qint64 lossySku = 0;       ///< SKU mangled by a spreadsheet (3.77001E+12)
    qint64 storesWithTransactions = 0;
    qint64 storesTotal = 0;
};

/** The five metrics under one filter, computed together. */
struct MetricsSnapshot
{
    MetricFilter filter;
    MetricTable topStores;
    MetricTable topProducts;
    MetricTable avgByTypologyCountry;
    MetricTable deviceTypeShare;
    MetricTable timeToFifthPerStore;     ///< stores with five or more
    MetricTable timeToFifthPerCustomer;
    MetricTable timeToFifthBelowFive;    ///< stores with 1–4 matching transactions: listed, not averaged
    TimeToFifthSummary timeToFifth;
    Coverage coverage;
    AnomalyReport anomalies;             ///< the anomalies page (rates ignore the status filter)
    double milliseconds = 0;

    /** The tables in menu order (metric 5 is represented by its per-store table). */
    QVector<const MetricTable *> tables() const;
};

/** Ids of the five metrics, in the order the product presents them. */
QStringList metricIds();
/** "Top 10 stores by transacted amount", ... */
QString metricTitle(const QString &id);
/** "Top stores", ...: the name of the metric's page in menus and the dashboard's page list. */
QString metricShortTitle(const QString &id);

} // namespace cpm
