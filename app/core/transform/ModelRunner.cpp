// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/ModelRunner.h"

#include "warehouse/SqlFile.h"

#include <QCryptographicHash>

#include <algorithm>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cpm {

namespace {

QString materializationName(TransformModel::Materialization m)
{
    return m == TransformModel::Materialization::Table ? QStringLiteral("table") : QStringLiteral("view");
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

/** @p error (about a name or a template) as an error of @p model, keeping what it says. */
Error asModelError(const TransformModel &model, Error error)
{
    error.message = QStringLiteral("model %1: %2").arg(model.name, error.message);
    error.file = model.path;
    return error;
}

} // namespace

ModelRunner::ModelRunner(QSqlDatabase db, SqlDialect dialect, QString sqlRoot)
    : m_db(std::move(db)), m_dialect(dialect), m_root(std::move(sqlRoot))
{
}

TransformModel::Materialization ModelRunner::materializationOf(const TransformModel &model) const
{
    if (m_dialect.engine() == SqlDialect::Engine::Postgres && model.postgresMaterialization)
        return *model.postgresMaterialization;
    return model.materialization;
}

SqlIdentifier ModelRunner::relationOf(const TransformModel &model, Error *error) const
{
    Error refused;
    const SqlIdentifier relation = SqlIdentifier::oneOf(model.name, m_known, QStringLiteral("model"), &refused);
    if (!relation.isValid())
        *error = asModelError(model, refused);
    return relation;
}

Error ModelRunner::exec(const TransformModel &model, const SqlTemplate &statement, const QString &what)
{
    Error error;
    const QString sql = statement.render(&error);
    if (error)
        return asModelError(model, error);
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return modelError(model, what, sqlMessage(query.lastError()));
    return Error();
}

/**
 * Drops what currently holds @p model's name: its type is looked up first because both
 * engines refuse "drop view if exists" on a table (and the reverse) instead of ignoring it.
 */
Error ModelRunner::dropRelation(const TransformModel &model)
{
    Error error;
    const SqlIdentifier relation = relationOf(model, &error);
    if (error)
        return error;
    const QString lookup = m_dialect.engine() == SqlDialect::Engine::Sqlite ? QStringLiteral("runner/relation_type_sqlite.sql")
                                                                             : QStringLiteral("runner/relation_type_postgres.sql");
    QSqlQuery query(m_db);
    if (!SqlFile::exec(query, m_root, lookup, {{QStringLiteral(":name"), model.name}}, &error))
        return modelError(model, QStringLiteral("cannot look up the existing relation"), error.message);
    const QString type = query.next() ? query.value(0).toString() : QString();
    query.finish(); // an open read of sqlite_master would lock the table the drop removes
    if (type.isEmpty())
        return Error();
    const QString drop = type == QLatin1String("view") ? QStringLiteral("runner/drop_view.sql") : QStringLiteral("runner/drop_table.sql");
    return exec(model, SqlTemplate(m_root, drop).set(QStringLiteral("relation"), relation),
                QStringLiteral("cannot drop the old ") + type);
}

Error ModelRunner::createIndexes(const TransformModel &model, const SqlIdentifier &relation)
{
    for (const QString &columns : model.indexes) {
        Error error;
        const SqlIdentifier columnList = SqlIdentifier::columnList(columns, &error);
        if (error)
            return asModelError(model, error);
        SqlTemplate create(m_root, QStringLiteral("runner/create_index.sql"));
        create.set(QStringLiteral("index"), SqlIdentifier::indexName(relation, columnList))
            .set(QStringLiteral("relation"), relation)
            .set(QStringLiteral("columns"), columnList);
        if (Error e = exec(model, create, QStringLiteral("cannot create index on (%1)").arg(columns)))
            return e;
    }
    return Error();
}

Error ModelRunner::countRows(const TransformModel &model, const SqlIdentifier &relation, qint64 *rows)
{
    Error error;
    const QString sql = SqlTemplate(m_root, QStringLiteral("runner/count_rows.sql")).set(QStringLiteral("relation"), relation).render(&error);
    if (error)
        return asModelError(model, error);
    QSqlQuery query(m_db);
    if (!query.exec(sql) || !query.next())
        return modelError(model, QStringLiteral("cannot count rows"), sqlMessage(query.lastError()));
    *rows = query.value(0).toLongLong();
    return Error();
}

Error ModelRunner::recordRun(const TransformModel &model, const ModelRunResult &result)
{
    const QVariantMap values{{QStringLiteral(":model"), result.name},
                             {QStringLiteral(":materialization"), materializationName(result.materialization)},
                             {QStringLiteral(":row_count"), result.rows < 0 ? QVariant() : QVariant(result.rows)},
                             {QStringLiteral(":milliseconds"), result.milliseconds},
                             {QStringLiteral(":finished_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    QSqlQuery query(m_db);
    Error error;
    if (!SqlFile::exec(query, m_root, QStringLiteral("runner/insert_model_run.sql"), values, &error))
        return modelError(model, QStringLiteral("cannot record the run in model_runs"), error.message);
    return Error();
}

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
    m_known = graph.names();
    QVector<bool> keep(models.size());
    for (int i = 0; i < models.size(); ++i)
        keep[i] = upToDate(graph, models[i], tables);
    // Everything else is dropped up front, dependents first (Postgres refuses to drop a relation
    // a view still uses). A failure or cancel later leaves gaps that the caller's rollback undoes.
    for (int i = int(models.size()) - 1; i >= 0; --i) {
        m_error = keep[i] ? Error() : dropRelation(models[i]);
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
    if (!m_knowChanges || materializationOf(model) != TransformModel::Materialization::Table || !tables.contains(model.name))
        return false;
    const QStringList sources = graph.upstreamSources(model.name);
    if (std::any_of(sources.begin(), sources.end(), [&](const QString &source) { return m_changed.contains(source); }))
        return false;
    const QVariant stored = SqlFile::scalar(m_db, m_root, QStringLiteral("info/get_value.sql"),
                                            {{QStringLiteral(":key"), definitionKey(model)}});
    return stored.isValid() && stored.toString() == definitionHash(graph, model);
}

Error ModelRunner::recordDefinition(const ModelGraph &graph, const TransformModel &model)
{
    if (!m_knowChanges || materializationOf(model) != TransformModel::Materialization::Table)
        return Error();
    QSqlQuery query(m_db);
    const QVariantMap values{{QStringLiteral(":key"), definitionKey(model)}, {QStringLiteral(":value"), definitionHash(graph, model)}};
    Error error;
    if (SqlFile::exec(query, m_root, QStringLiteral("info/set_value.sql"), values, &error))
        return Error();
    return modelError(model, QStringLiteral("cannot record the model's definition"), error.message);
}

bool ModelRunner::runOne(const TransformModel &model)
{
    QElapsedTimer timer;
    timer.start();
    ModelRunResult result;
    result.name = model.name;
    result.materialization = materializationOf(model);

    const QStringList statements = splitSqlStatements(m_dialect.render(model.sql));
    if (statements.size() != 1) {
        m_error = modelError(model, QStringLiteral("a model must be exactly one select statement"), QString());
        return false;
    }
    const bool table = materializationOf(model) == TransformModel::Materialization::Table;
    const SqlIdentifier relation = relationOf(model, &m_error);
    if (m_error)
        return false;
    SqlTemplate create(m_root, table ? QStringLiteral("runner/create_table.sql") : QStringLiteral("runner/create_view.sql"));
    create.set(QStringLiteral("relation"), relation).setSelect(statements.first());
    m_error = exec(model, create, QStringLiteral("cannot create the ") + materializationName(materializationOf(model)));
    if (!m_error && table)
        m_error = createIndexes(model, relation);
    if (!m_error && table && m_dialect.engine() == SqlDialect::Engine::Postgres)
        m_error = exec(model, SqlTemplate(m_root, QStringLiteral("runner/analyze_table.sql")).set(QStringLiteral("relation"), relation),
                       QStringLiteral("cannot analyze the table"));
    if (!m_error && table)
        m_error = countRows(model, relation, &result.rows);
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    if (!m_error)
        m_error = recordRun(model, result);
    if (m_error)
        return false;
    m_results.append(result);
    return true;
}

} // namespace cpm
