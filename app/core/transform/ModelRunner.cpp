// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/ModelRunner.h"

#include <QCryptographicHash>

#include <algorithm>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cpm {

namespace {

QString materializationName(TransformModel::Materialization m)
{
    return m == TransformModel::Materialization::Table ? QStringLiteral("table") : QStringLiteral("view");
}

/** "fct_items__day_store_id": unique per table and column list, a plain identifier. */
QString indexName(const QString &table, const QString &columns)
{
    static const QRegularExpression nonWord(QStringLiteral("\\W+"));
    QString suffix = columns;
    suffix.replace(nonWord, QStringLiteral("_"));
    return table + QStringLiteral("__") + suffix;
}

/** The engine's own words ("no such column: x"), falling back to Qt's when there are none. */
QString sqlMessage(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

/** Error for @p model: names its file and carries the driver's own words when there are any. */
Error modelError(const TransformModel &model, const QString &message, const QString &detail)
{
    Error e = Error::make(Error::Code::Sql, QStringLiteral("model %1: %2").arg(model.name, message));
    e.file = model.path;
    if (!detail.isEmpty())
        e.message += QStringLiteral(": ") + detail;
    return e;
}

Error exec(const QSqlDatabase &db, const TransformModel &model, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return modelError(model, what, sqlMessage(query.lastError()));
    return Error();
}

/**
 * "table", "view" or empty: what currently holds @p name. Needed because both engines
 * refuse "drop view if exists" on a table (and the reverse) instead of ignoring it.
 */
Error relationType(const QSqlDatabase &db, SqlDialect::Engine engine, const TransformModel &model, QString *type)
{
    QSqlQuery query(db);
    query.prepare(engine == SqlDialect::Engine::Sqlite
                      ? QStringLiteral("select type from sqlite_master where type in ('table', 'view') and lower(name) = lower(?)")
                      : QStringLiteral("select case table_type when 'VIEW' then 'view' else 'table' end "
                                       "from information_schema.tables where table_schema = current_schema() and table_name = ?"));
    query.addBindValue(model.name);
    if (!query.exec())
        return modelError(model, QStringLiteral("cannot look up the existing relation"), sqlMessage(query.lastError()));
    type->clear();
    if (query.next())
        *type = query.value(0).toString();
    return Error();
}

Error dropRelation(const QSqlDatabase &db, SqlDialect::Engine engine, const TransformModel &model)
{
    QString type;
    Error e = relationType(db, engine, model, &type);
    if (e || type.isEmpty())
        return e;
    return exec(db, model, QStringLiteral("drop %1 %2").arg(type, model.name), QStringLiteral("cannot drop the old ") + type);
}

Error createIndexes(const QSqlDatabase &db, const TransformModel &model)
{
    for (const QString &columns : model.indexes) {
        const QString sql = QStringLiteral("create index %1 on %2 (%3)").arg(indexName(model.name, columns), model.name, columns);
        if (Error e = exec(db, model, sql, QStringLiteral("cannot create index on (%1)").arg(columns)))
            return e;
    }
    return Error();
}

Error countRows(const QSqlDatabase &db, const TransformModel &model, qint64 *rows)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("select count(*) from ") + model.name) || !query.next())
        return modelError(model, QStringLiteral("cannot count rows"), sqlMessage(query.lastError()));
    *rows = query.value(0).toLongLong();
    return Error();
}

Error recordRun(const QSqlDatabase &db, const TransformModel &model, const ModelRunResult &result)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("insert into model_runs (model, materialization, row_count, milliseconds, finished_at) "
                                 "values (?, ?, ?, ?, ?)"));
    query.addBindValue(result.name);
    query.addBindValue(materializationName(result.materialization));
    query.addBindValue(result.rows < 0 ? QVariant() : QVariant(result.rows));
    query.addBindValue(result.milliseconds);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return modelError(model, QStringLiteral("cannot record the run in model_runs"), sqlMessage(query.lastError()));
    return Error();
}

} // namespace

ModelRunner::ModelRunner(QSqlDatabase db, SqlDialect dialect) : m_db(std::move(db)), m_dialect(dialect) {}

void ModelRunner::setProgressCallback(std::function<bool(int, int, const QString &)> callback)
{
    m_progress = std::move(callback);
}

bool ModelRunner::run(const ModelGraph &graph)
{
    m_results.clear();
    m_error = Error();
    const QVector<TransformModel> &models = graph.ordered();
    const QStringList tables = m_db.tables();
    QVector<bool> keep(models.size());
    for (int i = 0; i < models.size(); ++i)
        keep[i] = upToDate(graph, models[i], tables);
    // Everything else is dropped up front, dependents first (Postgres refuses to drop a relation
    // a view still uses). A failure or cancel later leaves gaps that the caller's rollback undoes.
    for (int i = int(models.size()) - 1; i >= 0; --i) {
        m_error = keep[i] ? Error() : dropRelation(m_db, m_dialect.engine(), models[i]);
        if (m_error)
            return false;
    }
    for (int i = 0; i < models.size(); ++i) {
        if (m_progress && !m_progress(i, int(models.size()), models[i].name)) {
            m_error = Error::make(Error::Code::Cancelled, QStringLiteral("model run cancelled before %1").arg(models[i].name));
            return false;
        }
        if (!keep[i] && !runOne(models[i]))
            return false;
        m_error = keep[i] ? Error() : recordDefinition(graph, models[i]);
        if (m_error)
            return false;
    }
    return true;
}

namespace {

/** The model's SQL and that of every model it reads: a kept table must come from the same. */
QString definitionHash(const ModelGraph &graph, const TransformModel &model)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList upstream = graph.upstream(model.name);
    for (const TransformModel &m : graph.ordered()) {
        if (m.name == model.name || upstream.contains(m.name))
            hash.addData((m.name + QLatin1Char('\n') + m.sql + m.indexes.join(QLatin1Char('|'))).toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString definitionKey(const TransformModel &model)
{
    return QStringLiteral("model_definition:") + model.name;
}

} // namespace

bool ModelRunner::upToDate(const ModelGraph &graph, const TransformModel &model, const QStringList &tables) const
{
    if (!m_knowChanges || model.materialization != TransformModel::Materialization::Table || !tables.contains(model.name))
        return false;
    const QStringList sources = graph.upstreamSources(model.name);
    if (std::any_of(sources.begin(), sources.end(), [&](const QString &source) { return m_changed.contains(source); }))
        return false;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("select value from warehouse_info where key = :key"));
    query.bindValue(QStringLiteral(":key"), definitionKey(model));
    return query.exec() && query.next() && query.value(0).toString() == definitionHash(graph, model);
}

Error ModelRunner::recordDefinition(const ModelGraph &graph, const TransformModel &model)
{
    if (!m_knowChanges || model.materialization != TransformModel::Materialization::Table)
        return Error();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("insert or replace into warehouse_info (key, value) values (:key, :value)"));
    query.bindValue(QStringLiteral(":key"), definitionKey(model));
    query.bindValue(QStringLiteral(":value"), definitionHash(graph, model));
    if (query.exec())
        return Error();
    return modelError(model, QStringLiteral("cannot record the model's definition"), sqlMessage(query.lastError()));
}

bool ModelRunner::runOne(const TransformModel &model)
{
    QElapsedTimer timer;
    timer.start();
    ModelRunResult result;
    result.name = model.name;
    result.materialization = model.materialization;

    const QStringList statements = splitSqlStatements(m_dialect.render(model.sql));
    if (statements.size() != 1) {
        m_error = modelError(model, QStringLiteral("a model must be exactly one select statement"), QString());
        return false;
    }
    const bool table = model.materialization == TransformModel::Materialization::Table;
    const QString create = QStringLiteral("create %1 %2 as\n%3").arg(table ? QStringLiteral("table") : QStringLiteral("view"),
                                                                    model.name, statements.first());
    m_error = exec(m_db, model, create, QStringLiteral("cannot create the ") + materializationName(model.materialization));
    if (!m_error && table)
        m_error = createIndexes(m_db, model);
    if (!m_error && table)
        m_error = countRows(m_db, model, &result.rows);
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    if (!m_error)
        m_error = recordRun(m_db, model, result);
    if (m_error)
        return false;
    m_results.append(result);
    return true;
}

} // namespace cpm
