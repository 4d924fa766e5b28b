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
    return QFileInfo(db.databaseName()).absoluteFilePath() + QLatin1Char('|') + state;
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
        *error = Error::make(Error::Code::Database, QStringLiteral("the warehouse connection is not SQLite"));
        return nullptr;
    }
    // The snapshot the last import stored is ~10x faster to read than a rebuild from the
    // models; anything wrong with it (missing, older import or format, damaged) means rebuild.
    std::shared_ptr<const ColumnarTable> table = persist::load(handle, newestBatch(db, sqlRoot), &cached.lastStatus);
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
