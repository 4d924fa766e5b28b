// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "transform/ModelGraph.h"
#include "transform/SqlDialect.h"
#include "transform/SqlIdentifier.h"
#include "transform/SqlTemplate.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

namespace cpm {

/** Outcome of one model in a run. */
struct ModelRunResult
{
    QString name;
    TransformModel::Materialization materialization = TransformModel::Materialization::View;
    qint64 rows = -1;          ///< rows in the table after the run; -1 for views
    double milliseconds = 0;
};

/**
 * Materialises models in graph order on one connection: a view is (re)created, a table is
 * rebuilt with create table as select (plus its config indexes). Each run is recorded in
 * the model_runs table (model, materialization, rows, milliseconds, finished_at).
 * The caller owns the transaction: the runner never begins or commits one.
 */
class ModelRunner
{
public:
    /**
     * @p sqlRoot holds the runner's statement templates (runner/ files, warehouse_info's
     * info/ files): the project's root, or the embedded one.
     */
    explicit ModelRunner(QSqlDatabase db, SqlDialect dialect = SqlDialect(), QString sqlRoot = QStringLiteral(":/sql"));

    /** Called before each model with (index, count, name); return false to cancel. */
    void setProgressCallback(std::function<bool(int, int, const QString &)> callback);

    /**
     * Only these sources changed since the last run (unset: all did). A table model that
     * exists, reads none of them and was built from the same model files (their hash is kept
     * in warehouse_info) is kept as it is, not rebuilt: an import of transactions alone leaves
     * dim_stores and dim_devices alone.
     */
    void setChangedSources(const QStringList &sources) { m_changed = sources; m_knowChanges = true; }

    /** Runs every model of @p graph. Stops at the first failure: see error() (names the file). */
    bool run(const ModelGraph &graph);
    const QVector<ModelRunResult> &results() const { return m_results; }
    const Error &error() const { return m_error; }

private:
    bool runOne(const TransformModel &model);
    Error exec(const TransformModel &model, const SqlTemplate &statement, const QString &what);
    Error dropRelation(const TransformModel &model);
    Error createIndexes(const TransformModel &model, const SqlIdentifier &relation);
    Error countRows(const TransformModel &model, const SqlIdentifier &relation, qint64 *rows);
    Error recordRun(const TransformModel &model, const ModelRunResult &result);
    /** @p model's name, checked against the graph's models (never a name from elsewhere). */
    /** The model's materialization on this runner's engine (config's postgres_materialized). */
    TransformModel::Materialization materializationOf(const TransformModel &model) const;
    SqlIdentifier relationOf(const TransformModel &model, Error *error) const;
    bool upToDate(const ModelGraph &graph, const TransformModel &model, const QStringList &tables) const;
    Error recordDefinition(const ModelGraph &graph, const TransformModel &model);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QString m_root;
    QStringList m_known; ///< the models of the graph being run
    std::function<bool(int, int, const QString &)> m_progress;
    QVector<ModelRunResult> m_results;
    QStringList m_changed;
    bool m_knowChanges = false;
    Error m_error;
};

} // namespace cpm
