// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/EntityChanges.h"
#include "diff/ImportBatches.h"
#include "diff/MetricMoves.h"

#include <functional>

namespace cpm {

class SqlProject;
class Warehouse;

/** What to compare: two batches (0: the defaults), the metrics' filter, how many ids to list. */
struct DiffRequest
{
    qint64 fromBatch = 0; ///< 0: the batch before toBatch
    qint64 toBatch = 0;   ///< 0: the newest batch
    MetricFilter filter;
    int limit = 100;      ///< ids listed per entity (all are counted); < 0: all
};

/** What changed between two import batches: the ids, and how the metrics moved. */
struct ImportDiffResult
{
    BatchPair batches;
    MetricFilter filter;           ///< the metrics' filter, as asked
    QVector<EntityDiff> entities;  ///< stores, devices, transactions
    MetricsSnapshot fromMetrics;   ///< the metrics of each state, as run
    MetricsSnapshot toMetrics;
    MetricMoves moves;
    int limit = 100;

    const EntityDiff *entity(const QString &name) const;
};

/**
 * Compares two states of a warehouse (docs/compare.md). The entity changes are read from the
 * raw tables and their replaced versions (sql/diff/); the metrics of each state are real runs
 * of the metric engine (MetricsEngine: columnar on SQLite, the server's SQL for a team
 * warehouse's newest state): on the warehouse itself for its newest state, on a StateWarehouse
 * rebuilt from the raw rows for an older one. Uses the connection of @p warehouse (its thread).
 */
class ImportDiff
{
public:
    ImportDiff(const Warehouse &warehouse, const SqlProject &project);

    /** (phase, done, total; total 0 when unknown); returning false cancels. */
    using Progress = std::function<bool(const QString &, qint64, qint64)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /** Lists the batches a comparison can pick (finished imports, oldest first). */
    bool batches(QVector<ImportBatch> *batches, Error *error) const;
    bool run(const DiffRequest &request, ImportDiffResult *result, Error *error);

private:
    bool stateMetrics(qint64 batch, qint64 newest, const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error);

    const Warehouse &m_warehouse;
    const SqlProject &m_project;
    Progress m_progress;
};

} // namespace cpm
