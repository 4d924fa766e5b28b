// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "anomalies/AnomalyReport.h"
#include "base/Error.h"

#include <QSqlDatabase>

namespace cpm {

/**
 * Computes the anomalies page: runs sql/anomalies/rates_by_*.sql over the marts (portable
 * between SQLite and PostgreSQL) for the filter's time column and day range, then adds the
 * rates and, per store, the binomial test of AnomalyRule. Uses the connection of the thread
 * that created it.
 */
class AnomalyQuery
{
public:
    explicit AnomalyQuery(QSqlDatabase db, QString sqlRoot = QStringLiteral(":/sql"));

    /** Fills @p report for @p filter (whose statuses are ignored). False with @p error on an SQL error. */
    bool compute(const MetricFilter &filter, AnomalyReport *report, Error *error);

private:
    bool read(const QString &file, const QVariantMap &values, const QStringList &keys, QVector<QVariantList> *rows,
              Error *error);

    QSqlDatabase m_db;
    QString m_root;
};

namespace anomalies {

/** Raw counts per key as the SQL returns them: key columns first, then n, refused, cancelled. */
using CountRows = QVector<QVariantList>;

/** Builds the four tables of @p report from the counts (rates, the store test, notes). */
void shapeReport(const CountRows &stores, const CountRows &deviceTypes, const CountRows &groups, const CountRows &days,
                 AnomalyReport *report);

} // namespace anomalies

} // namespace cpm
