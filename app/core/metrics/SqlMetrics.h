// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricsSnapshot.h"

#include <QSqlDatabase>

namespace cpm {

struct FilterDomain;

/**
 * The portable metric path: every metric is a file under metrics/ run against the
 * pre-aggregated marts with bound parameters. Slower than the columnar engine at scale,
 * but it runs anywhere the SQL models run (a shared PostgreSQL warehouse included) and is
 * tested against the same expected answers.
 */
class SqlMetrics
{
public:
    SqlMetrics(QSqlDatabase db, QString sqlRoot);

    bool compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);
    bool filterDomain(FilterDomain *domain, Error *error);
    /**
     * Metric 3 alone, under @p filter (its storeVersion picks the file): how the columnar
     * engine answers the reading by store version at each transaction, which it does not hold.
     */
    bool avgByTypologyCountry(const MetricFilter &filter, MetricTable *table, Error *error);

private:
    bool bindStatuses(const QStringList &statuses, Error *error);
    bool topStores(const MetricFilter &filter, MetricTable *table, Error *error);
    bool topProducts(const MetricFilter &filter, MetricTable *table, Error *error);
    bool timeToFifth(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);
    bool coverage(const MetricFilter &filter, Coverage *result, Error *error);
    bool fill(const QString &file, const QVariantMap &values, MetricTable *table, Error *error);

    QSqlDatabase m_db;
    QString m_root;
};

} // namespace cpm
