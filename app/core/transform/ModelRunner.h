// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "transform/ModelGraph.h"
#include "transform/SqlDialect.h"

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
    explicit ModelRunner(QSqlDatabase db, SqlDialect dialect = SqlDialect());

    /** Called before each model with (index, count, name); return false to cancel. */
    void setProgressCallback(std::function<bool(int, int, const QString &)> callback);

    /** Runs every model of @p graph. Stops at the first failure: see error() (names the file). */
    bool run(const ModelGraph &graph);
    const QVector<ModelRunResult> &results() const { return m_results; }
    const Error &error() const { return m_error; }

private:
    bool runOne(const TransformModel &model);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    std::function<bool(int, int, const QString &)> m_progress;
    QVector<ModelRunResult> m_results;
    Error m_error;
};

} // namespace cpm
