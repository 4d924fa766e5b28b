// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarCache.h"

#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarTable.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QFileInfo>
#include <QSqlQuery>

#include <mutex>

namespace cpm::columnar::ColumnarCache {

namespace {

struct Entry
{
    std::mutex mutex;
    QString key;
    std::shared_ptr<const ColumnarTable> table;
    persist::Status lastStatus = persist::Status::Missing;
};

Entry &entry()
{
    static Entry cached;
    return cached;
}

qint64 newestBatch(const QSqlDatabase &db, const QString &sqlRoot)
{
    const QVariant batch = SqlFile::scalar(db, sqlRoot, QStringLiteral("info/last_batch_id.sql"));
    return batch.isValid() ? batch.toLongLong() : -1;
}

} // namespace

QString stateKey(const QSqlDatabase &db, const QString &sqlRoot)
{
    // Every import that changes data commits a new batch (a rolled-back one leaves no
    // trace), so the newest batch and its times identify what the models were built from.
    QSqlQuery query(db);
    QString state;
    Error error;
    if (SqlFile::exec(query, sqlRoot, QStringLiteral("info/newest_batch.sql"), {}, &error) && query.next()) {
        state = QStringLiteral("%1|%2|%3").arg(query.value(0).toString(), query.value(1).toString(),
                                               query.value(2).toString());
    }
    // A server's database is named by host, port and name; a file by its absolute path.
    const QString where = db.driverName() == QLatin1String("QSQLITE")
        ? QFileInfo(db.databaseName()).absoluteFilePath()
        : QStringLiteral("%1:%2/%3").arg(db.hostName()).arg(db.port()).arg(db.databaseName());
    return where + QLatin1Char('|') + state;
}

std::shared_ptr<const ColumnarTable> get(const QSqlDatabase &db, const QString &key, Error *error, const QString &sqlRoot)
{
    Entry &cached = entry();
    std::lock_guard<std::mutex> lock(cached.mutex);
    if (cached.table && cached.key == key)
        return cached.table;
    cached.table.reset(); // free the old snapshot before building the new one
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        // A team warehouse stores no snapshot: build it from the server's models.
        std::shared_ptr<const ColumnarTable> table = ColumnarTable::load(db, error, sqlRoot);
        cached.lastStatus = persist::Status::Missing;
        if (table) {
            cached.key = key;
            cached.table = table;
        }
        return table;
    }
    // The snapshot the last import stored is ~10x faster to read than a rebuild from the
    // models; anything wrong with it (missing, older import or format, damaged) means rebuild.
    // The per-status aggregates are left to their first use: a dated filter never needs them.
    std::shared_ptr<const ColumnarTable> table = persist::load(handle, newestBatch(db, sqlRoot), &cached.lastStatus,
                                                               /*aggregates=*/false);
    if (!table)
        table = ColumnarTable::load(handle, error, true, sqlRoot);
    if (table) {
        cached.key = key;
        cached.table = table;
    }
    return table;
}

persist::Status lastPersistStatus()
{
    Entry &cached = entry();
    std::lock_guard<std::mutex> lock(cached.mutex);
    return cached.lastStatus;
}

void clear()
{
    Entry &cached = entry();
    std::lock_guard<std::mutex> lock(cached.mutex);
    cached.table.reset();
    cached.key.clear();
}

} // namespace cpm::columnar::ColumnarCache
