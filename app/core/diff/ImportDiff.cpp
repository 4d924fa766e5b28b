// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/ImportDiff.h"

#include "diff/StateWarehouse.h"
#include "metrics/MetricsEngine.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

namespace cpm {

const EntityDiff *ImportDiffResult::entity(const QString &name) const
{
    for (const EntityDiff &diff : entities) {
        if (diff.entity == name)
            return &diff;
    }
    return nullptr;
}

ImportDiff::ImportDiff(const Warehouse &warehouse, const SqlProject &project) : m_warehouse(warehouse), m_project(project) {}

bool ImportDiff::batches(QVector<ImportBatch> *batches, Error *error) const
{
    return listImportBatches(m_warehouse.database(), m_project.root(), batches, error);
}

bool ImportDiff::run(const DiffRequest &request, ImportDiffResult *result, Error *error)
{
    *result = ImportDiffResult();
    result->limit = request.limit;
    result->filter = request.filter;
    if (const Error invalid = request.filter.validate(); invalid.isError())
        return *error = invalid, false;
    QVector<ImportBatch> all;
    if (!batches(&all, error))
        return false;
    const qint64 knownFrom = statesKnownFrom(m_warehouse.database(), m_project.root());
    if (!resolveBatchPair(all, knownFrom, request.fromBatch, request.toBatch, &result->batches, error))
        return false;
    const qint64 from = result->batches.from.id;
    const qint64 to = result->batches.to.id;
    for (const QString &entity : entityNames()) {
        if (m_progress && !m_progress(QStringLiteral("Comparing %1").arg(entity), 0, 0))
            return *error = Error::make(Error::Code::Cancelled, QStringLiteral("comparison cancelled")), false;
        EntityDiff diff;
        if (!diffEntity(m_warehouse.database(), m_project.root(), entity, from, to, request.limit, &diff, error))
            return false;
        result->entities << diff;
    }
    const qint64 newest = all.last().id;
    if (!stateMetrics(from, newest, request.filter, &result->fromMetrics, error)
        || !stateMetrics(to, newest, request.filter, &result->toMetrics, error))
        return false;
    result->moves = compareMetrics(result->fromMetrics, result->toMetrics);
    return true;
}

bool ImportDiff::stateMetrics(qint64 batch, qint64 newest, const MetricFilter &filter, MetricsSnapshot *snapshot,
                              Error *error)
{
    // The engine the app's dashboard uses: the columnar snapshot on SQLite (the SQL path reads
    // the marts, which are views there: 20 s per state at 1M transactions instead of one), and
    // the server's SQL on a team warehouse. The two engines are tested to agree. The newest
    // state is the warehouse itself; an older one is rebuilt (always SQLite, so columnar).
    if (batch == newest) {
        MetricsEngine engine(m_warehouse.database(), m_project.root(),
                             m_warehouse.isPostgres() ? MetricsEngine::Backend::Sql : MetricsEngine::Backend::Columnar);
        return engine.compute(filter, snapshot, error);
    }
    StateWarehouse state;
    state.setProgress(m_progress);
    if (!state.build(m_warehouse, m_project, batch, error))
        return false;
    MetricsEngine engine(state.warehouse().database(), m_project.root(), MetricsEngine::Backend::Columnar);
    return engine.compute(filter, snapshot, error);
}

} // namespace cpm
