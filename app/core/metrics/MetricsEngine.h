// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricsSnapshot.h"

#include <QSqlDatabase>

namespace cpm {

/** Statuses and day spans the warehouse holds, to populate filter choices. */
struct FilterDomain
{
    struct Status { QString name; qint64 transactions = 0; };
    QVector<Status> statuses;  ///< most frequent first
    QDate firstDay[2];         ///< indexed by TimeColumn
    QDate lastDay[2];
    bool isEmpty() const { return statuses.isEmpty(); }
};

/**
 * Computes the five metrics from the pre-aggregated marts (never the fact table), so
 * changing a filter stays fast at ten million transactions. Uses the connection of the
 * thread that created it; every query is a file under metrics/ with bound parameters.
 */
class MetricsEngine
{
public:
    static constexpr int topLimit = 10;

    explicit MetricsEngine(QSqlDatabase db, QString sqlRoot = QStringLiteral(":/sql"));

    /** Whether the marts exist (false on a warehouse nothing was imported into yet). */
    bool hasData() const;
    bool compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);
    bool filterDomain(FilterDomain *domain, Error *error);

private:
    bool bindStatuses(const QStringList &statuses, Error *error);
    bool topStores(const MetricFilter &filter, MetricTable *table, Error *error);
    bool topProducts(const MetricFilter &filter, MetricTable *table, Error *error);
    bool avgByTypologyCountry(const MetricFilter &filter, MetricTable *table, Error *error);
    bool deviceTypeShare(const MetricFilter &filter, MetricTable *table, Error *error);
    bool timeToFifth(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);
    bool coverage(const MetricFilter &filter, Coverage *result, Error *error);
    bool fill(const QString &file, const QVariantMap &values, MetricTable *table, Error *error);

    QSqlDatabase m_db;
    QString m_root;
};

} // namespace cpm
