// SPDX-License-Identifier: GPL-3.0-or-later
// The engine-specific bulk path of Importer: where a file's rows and rejects are written.
#include "warehouse/Importer.h"

#include "transform/SqlProject.h"
#include "warehouse/PgConnection.h"
#include "warehouse/PgCopyWriter.h"
#include "warehouse/RecordLoader.h"
#include "warehouse/SqlFile.h"
#include "warehouse/SqliteRowWriter.h"
#include "warehouse/SqliteStatement.h"
#include "warehouse/Warehouse.h"

#include <QSqlQuery>

namespace cpm {

namespace {

// Parameters per row of each raw table's upsert (as RecordLoader binds them) and of a reject.
int rawColumns(FileRole role)
{
    switch (role) {
    case FileRole::Stores: return 10;
    case FileRole::Devices: return 5;
    case FileRole::Transactions: return 13;
    case FileRole::Unknown: break;
    }
    return 0;
}
constexpr int kRejectColumns = 9;

} // namespace

bool Importer::prepareWriter(FileRole role, RecordLoader &loader, SqliteStatement &rejects,
                             std::unique_ptr<RowWriter> *writer, Error *error)
{
    const QString root = m_project.root();
    if (!m_warehouse.isPostgres()) {
        if (!loader.prepare(m_warehouse.handle(), root, error))
            return false;
        if (!rejects.prepare(m_warehouse.handle(), SqlFile::text(root, QStringLiteral("load/insert_reject.sql"), error)))
            return false;
        *writer = std::make_unique<SqliteRowWriter>(loader.statement(), &rejects);
        return true;
    }
    const QString table = QStringLiteral("raw_") + roleName(role);
    QSqlQuery create(m_warehouse.database());
    if (!SqlFile::exec(create, root, QStringLiteral("load/postgres/create_load_%1.sql").arg(table), {}, error))
        return false;
    PgCopyWriter::Target rows{SqlFile::statementUtf8(root, QStringLiteral("load/postgres/copy_%1.sql").arg(table), error), rawColumns(role)};
    PgCopyWriter::Target rejected{SqlFile::statementUtf8(root, QStringLiteral("load/postgres/copy_rejects.sql"), error), kRejectColumns};
    if (error->isError())
        return false;
    PGconn *connection = postgresHandle(m_warehouse.database());
    if (!connection) {
        *error = Error::make(Error::Code::Database, QStringLiteral("the PostgreSQL driver gave no connection for COPY"));
        return false;
    }
    *writer = std::make_unique<PgCopyWriter>(connection, rows, rejected);
    return true;
}

bool Importer::mergeLoadedRows(FileRole role, Error *error)
{
    if (!m_warehouse.isPostgres())
        return true;
    // A degraded copy's lossy SKUs and missing card digits give way to the stored values
    // first (the SQLite upsert does it row by row), so only real changes count below.
    if (role == FileRole::Transactions) {
        QSqlQuery precision(m_warehouse.database());
        if (!SqlFile::exec(precision, m_project.root(), QStringLiteral("load/postgres/keep_precision_raw_transactions.sql"),
                           {}, error))
            return false;
    }
    // The versions the merge is about to overwrite with different data are kept first (what
    // the SQLite triggers do row by row), so every batch stays a point in time.
    QSqlQuery keep(m_warehouse.database());
    const QString replaced = QStringLiteral("load/postgres/keep_replaced_raw_%1.sql").arg(roleName(role));
    if (!SqlFile::exec(keep, m_project.root(), replaced, {}, error))
        return false;
    QSqlQuery merge(m_warehouse.database());
    const QString file = QStringLiteral("load/postgres/merge_raw_%1.sql").arg(roleName(role));
    return SqlFile::exec(merge, m_project.root(), file, {}, error);
}

bool Importer::notifyReaders(qint64 batchId, Error *error)
{
    QSqlQuery notify(m_warehouse.database());
    return SqlFile::exec(notify, m_project.root(), QStringLiteral("load/postgres/notify_import.sql"),
                         {{QStringLiteral(":batch_id"), batchId}}, error);
}

} // namespace cpm
