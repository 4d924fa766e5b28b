// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "columnar/Aggregates.h"
#include "metrics/MetricsSnapshot.h"

#include <QSqlDatabase>

#include <memory>

namespace cpm {

struct FilterDomain;

namespace columnar {

class ColumnarTable;
struct StoreLabels;

/**
 * The five metrics computed in C++ from the columnar snapshot of the warehouse, giving the
 * same tables, orderings, ties and notes as the SQL metric files. The snapshot is loaded on
 * first use and shared by every engine on the same warehouse state (see ColumnarCache).
 */
class ColumnarMetrics
{
public:
    /** @p sqlRoot: where the snapshot's reads of the models are (snapshot/ files). */
    explicit ColumnarMetrics(QSqlDatabase db, QString sqlRoot = QStringLiteral(":/sql"));

    bool compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);
    bool filterDomain(FilterDomain *domain, Error *error);
    /** The snapshot for the warehouse's current state (loads or reuses it). Null on error. */
    std::shared_ptr<const ColumnarTable> table(Error *error);

private:
    QSqlDatabase m_db;
    QString m_root;
    std::shared_ptr<const ColumnarTable> m_table;
    QString m_tableKey;
    std::shared_ptr<const StoreLabels> m_storeLabels; ///< of m_table, made on the first compute
    Aggregates m_scratch; ///< what compute() sums or scans into, kept so its pages stay mapped
};

} // namespace columnar
} // namespace cpm
