// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/StateWarehouse.h"

#include "transform/SqlProject.h"
#include "warehouse/Refresh.h"
#include "warehouse/SqlFile.h"
#include "warehouse/SqliteStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cpm {

namespace {

constexpr qint64 kProgressEvery = 50000;

// One value of the source row onto the state's insert, keeping its type (the raw tables hold
// integers, doubles and text; a PostgreSQL bigint and an SQLite integer both arrive as qlonglong).
// Nulls are asked of the query: QPSQL hands a null bigint back as a typed 0.
void bindValue(SqliteStatement &insert, int index, const QSqlQuery &query, int column, QByteArray *text)
{
    const QVariant value = query.value(column);
    if (query.isNull(column))
        return insert.bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return insert.bindInt(index, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return insert.bindDouble(index, value.toDouble());
    default:
        *text = value.toString().toUtf8();
        return insert.bindText(index, *text);
    }
}

} // namespace

StateWarehouse::StateWarehouse() = default;
StateWarehouse::~StateWarehouse() = default;

bool StateWarehouse::build(const Warehouse &source, const SqlProject &project, qint64 batch, Error *error)
{
    if (!m_dir.isValid()) {
        *error = Error::make(Error::Code::FileWrite, QStringLiteral("cannot create a temporary folder for the compared state"));
        return false;
    }
    if (!m_warehouse.open(m_dir.filePath(QStringLiteral("state-%1.sqlite").arg(batch)), project))
        return *error = m_warehouse.error(), false;
    if (!m_warehouse.exec(QStringLiteral("begin immediate")))
        return *error = m_warehouse.error(), false;
    const QString root = project.root();
    bool ok = copyBatches(source, root, batch, error);
    for (const QString &entity : {QStringLiteral("stores"), QStringLiteral("devices"), QStringLiteral("transactions")}) {
        ok = ok && copyRows(source, root, QStringLiteral("diff/state_raw_%1.sql").arg(entity),
                            QStringLiteral("load/upsert_raw_%1.sql").arg(entity), batch, error);
    }
    ok = ok && copyRows(source, root, QStringLiteral("diff/state_store_versions.sql"),
                        QStringLiteral("diff/insert_store_version.sql"), batch, error);
    const auto progress = [this](int done, int total, const QString &model) {
        return !m_progress || m_progress(QStringLiteral("Building %1").arg(model), done, total);
    };
    ok = ok && refreshModels(m_warehouse, project, progress, error);
    if (ok && !m_warehouse.exec(QStringLiteral("commit"))) {
        *error = m_warehouse.error();
        ok = false;
    }
    if (!ok)
        m_warehouse.exec(QStringLiteral("rollback"));
    return ok;
}

bool StateWarehouse::copyBatches(const Warehouse &source, const QString &sqlRoot, qint64 batch, Error *error)
{
    QSqlQuery query(source.database());
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, sqlRoot, QStringLiteral("diff/state_batches.sql"), {{QStringLiteral(":batch"), batch}}, error))
        return false;
    SqliteStatement insertBatch, insertTime;
    if (!insertBatch.prepare(m_warehouse.handle(), SqlFile::statement(sqlRoot, QStringLiteral("diff/insert_state_batch.sql"), error))
        || !insertTime.prepare(m_warehouse.handle(), SqlFile::statement(sqlRoot, QStringLiteral("diff/insert_state_extract_time.sql"), error))) {
        if (!error->isError())
            *error = Error::make(Error::Code::Sql, insertBatch.errorMessage() + insertTime.errorMessage());
        return false;
    }
    QByteArray texts[3];
    while (query.next()) {
        insertBatch.bindInt(1, query.value(0).toLongLong());
        for (int c = 1; c <= 3; ++c)
            bindValue(insertBatch, c + 1, query, c, &texts[c - 1]);
        bool ok = insertBatch.execute();
        if (ok && !query.isNull(4)) {
            insertTime.bindInt(1, query.value(0).toLongLong());
            insertTime.bindInt(2, query.value(4).toLongLong());
            ok = insertTime.execute();
        }
        if (!ok) {
            *error = Error::make(Error::Code::Database, insertBatch.errorMessage() + insertTime.errorMessage());
            return false;
        }
    }
    return true;
}

bool StateWarehouse::copyRows(const Warehouse &source, const QString &sqlRoot, const QString &select,
                              const QString &insert, qint64 batch, Error *error)
{
    QSqlQuery query(source.database());
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, sqlRoot, select, {{QStringLiteral(":batch"), batch}}, error))
        return false;
    SqliteStatement statement;
    const QString sql = SqlFile::statement(sqlRoot, insert, error);
    if (sql.isEmpty() || !statement.prepare(m_warehouse.handle(), sql)) {
        if (!error->isError())
            *error = Error::make(Error::Code::Sql, statement.errorMessage());
        error->file = insert;
        return false;
    }
    const int columns = query.record().count();
    QVector<QByteArray> texts(columns);
    qint64 rows = 0;
    while (query.next()) {
        for (int c = 0; c < columns; ++c)
            bindValue(statement, c + 1, query, c, &texts[c]);
        if (!statement.execute()) {
            *error = Error::make(Error::Code::Database, statement.errorMessage());
            error->file = insert;
            return false;
        }
        if (++rows % kProgressEvery == 0 && m_progress && !m_progress(QStringLiteral("Reading %1").arg(select), rows, 0)) {
            *error = Error::make(Error::Code::Cancelled, QStringLiteral("comparison cancelled"));
            return false;
        }
    }
    if (query.lastError().isValid()) {
        *error = Error::make(Error::Code::Sql, query.lastError().databaseText());
        error->file = select;
        return false;
    }
    return true;
}

} // namespace cpm
