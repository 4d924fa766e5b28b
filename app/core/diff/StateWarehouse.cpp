// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/StateWarehouse.h"

#include "transform/SqlProject.h"
#include "warehouse/Refresh.h"
#include "warehouse/SqlFile.h"
#include "warehouse/BatchRows.h"
#include "warehouse/SqliteRowWriter.h"
#include "warehouse/SqliteStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cpm {

namespace {

constexpr qint64 kProgressEvery = 50000;

constexpr std::size_t kRowsPerBatch = 1024;

// One value of the source row into the batch, keeping its type (the raw tables hold integers,
// doubles and text; a PostgreSQL bigint and an SQLite integer both arrive as qlonglong).
// Nulls are asked of the query: QPSQL hands a null bigint back as a typed 0.
void addValue(InsertBatch &batch, int index, const QSqlQuery &query, int column)
{
    const QVariant value = query.value(column);
    InsertBatch::Param &param = batch.params.emplace_back();
    if (query.isNull(column))
        return param.set(InsertBatch::Kind::Null, index, 0, 0);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return param.set(InsertBatch::Kind::Int, index, 0, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        param.set(InsertBatch::Kind::Double, index, 0, 0);
        param.real = value.toDouble();
        return;
    default: {
        const QByteArray text = value.toString().toUtf8();
        if (text.isEmpty())
            return param.set(InsertBatch::Kind::Null, index, 0, 0); // as SqliteStatement::bindText
        param.set(InsertBatch::Kind::Text, index, quint32(text.size()), qint64(batch.bytes.size()));
        batch.bytes.append(text.constData(), std::size_t(text.size()));
    }
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
    bool ok = copyRows(source, root, QStringLiteral("diff/state_batches.sql"),
                       {QStringLiteral("diff/insert_state_batch.sql"), QStringLiteral("diff/insert_state_extract_time.sql")},
                       batch, error);
    for (const QString &entity : {QStringLiteral("stores"), QStringLiteral("devices"), QStringLiteral("transactions")}) {
        ok = ok && copyRows(source, root, QStringLiteral("diff/state_raw_%1.sql").arg(entity),
                            {QStringLiteral("load/upsert_raw_%1.sql").arg(entity)}, batch, error);
    }
    ok = ok && copyRows(source, root, QStringLiteral("diff/state_store_versions.sql"),
                        {QStringLiteral("diff/insert_store_version.sql")}, batch, error);
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

bool StateWarehouse::copyRows(const Warehouse &source, const QString &sqlRoot, const QString &select,
                              const QStringList &inserts, qint64 batch, Error *error)
{
    QSqlQuery query(source.database());
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, sqlRoot, select, {{QStringLiteral(":batch"), batch}}, error))
        return false;
    // Each insert reads the same rows (load_rows), a batch at a time.
    std::vector<std::unique_ptr<SqliteStatement>> statements;
    std::vector<SqliteRowWriter> writers;
    if (!BatchRows::registerModule(m_warehouse.handle()))
        return *error = Error::make(Error::Code::Sql, QStringLiteral("cannot register load_rows")), false;
    for (const QString &insert : inserts) {
        auto &statement = statements.emplace_back(std::make_unique<SqliteStatement>());
        const QString sql = SqlFile::statement(sqlRoot, insert, error);
        if (sql.isEmpty() || !statement->prepare(m_warehouse.handle(), sql)) {
            if (!error->isError())
                *error = Error::make(Error::Code::Sql, statement->errorMessage());
            error->file = insert;
            return false;
        }
        writers.emplace_back(statement.get(), nullptr);
    }
    const auto flush = [&](InsertBatch &rowsRead) {
        for (std::size_t w = 0; w < writers.size() && !rowsRead.rows.empty(); ++w) {
            QString message;
            qint64 failedRow = 0;
            if (!writers[w].write(rowsRead, &message, &failedRow)) {
                *error = Error::make(Error::Code::Database, message);
                error->file = inserts[int(w)];
                return false;
            }
        }
        rowsRead.clear();
        return true;
    };
    const int columns = query.record().count();
    InsertBatch pending;
    qint64 rows = 0;
    while (query.next()) {
        pending.rows.push_back({0, rows, pending.params.size()});
        for (int c = 0; c < columns; ++c)
            addValue(pending, c + 1, query, c);
        if (pending.rows.size() >= kRowsPerBatch && !flush(pending))
            return false;
        if (++rows % kProgressEvery == 0 && m_progress && !m_progress(QStringLiteral("Reading %1").arg(select), rows, 0)) {
            *error = Error::make(Error::Code::Cancelled, QStringLiteral("comparison cancelled"));
            return false;
        }
    }
    if (!flush(pending))
        return false;
    if (query.lastError().isValid()) {
        *error = Error::make(Error::Code::Sql, query.lastError().databaseText());
        error->file = select;
        return false;
    }
    return true;
}

} // namespace cpm
