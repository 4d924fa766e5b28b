// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricsSnapshot.h"

#include <QSqlDatabase>

#include <memory>

namespace cpm {

namespace columnar { class ColumnarMetrics; }
class SqlMetrics;

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
 * Computes the five metrics under a filter. Two interchangeable backends give the same
 * tables: Columnar (default) scans an in-memory columnar snapshot of the fact table in C++,
 * answering any filter in milliseconds at ten million transactions; Sql runs the portable
 * metric files under metrics/ against the pre-aggregated marts. On a team warehouse
 * (PostgreSQL) the Columnar snapshot is built in this process from the server's models, once
 * per import batch (what the app's long-lived metrics thread wants); Sql has the server compute
 * every metric (what a one-off cpm-cli process wants). The anomalies (refused and cancelled
 * rates) always come from sql/anomalies/ over the marts, whichever backend. Uses the
 * connection of the thread that created it.
 */
class MetricsEngine
{
public:
    static constexpr int topLimit = 10;
    /** Rows fetched past the cut, to name the items that tie with the last one shown. */
    static constexpr int tieLookahead = 20;
    enum class Backend { Columnar, Sql };

    explicit MetricsEngine(QSqlDatabase db, QString sqlRoot = QStringLiteral(":/sql"),
                           Backend backend = Backend::Columnar);
    ~MetricsEngine();

    Backend backend() const { return m_backend; }
    /** Whether the models exist (false on a warehouse nothing was imported into yet). */
    bool hasData() const;
    bool compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);
    bool filterDomain(FilterDomain *domain, Error *error);

private:
    bool computeAnomalies(const MetricFilter &filter, AnomalyReport *report, Error *error);

    QSqlDatabase m_db;
    QString m_root;
    Backend m_backend;
    std::shared_ptr<SqlMetrics> m_sql;
    std::shared_ptr<columnar::ColumnarMetrics> m_columnar;
    std::shared_ptr<AnomalyReport> m_anomalies; ///< the last ones: a status change does not recompute them
};

} // namespace cpm
