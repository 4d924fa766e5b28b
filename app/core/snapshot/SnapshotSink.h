// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "snapshot/SnapshotRow.h"

#include <QString>

#include <cstddef>
#include <memory>

struct sqlite3;

namespace cpm {

/**
 * The metrics snapshot as an import sees it: the import says what it loads and feeds every
 * transaction it keeps, then asks for the snapshot to be stored with its batch. Building it,
 * persisting it and choosing between a whole snapshot and a delta stay behind this interface,
 * so an import from another reader (.xlsx) or into another engine feeds it the same way.
 *
 * Call order for one import: beginImport(); per file dimensionsChanged() (stores, devices)
 * or beginTransactions() then add() per row (a file reloaded with another date order begins
 * again); startPreparing() before the models refresh; store() after; endImport() always.
 */
class SnapshotSink
{
public:
    virtual ~SnapshotSink() = default;

    /**
     * The columnar snapshot of the SQLite warehouse on @p db; a rebuild (when the rows fed
     * are not the whole table) reads the models through @p sqlRoot's snapshot/ files.
     */
    static std::unique_ptr<SnapshotSink> columnar(sqlite3 *db, const QString &sqlRoot);
    /** A sink that keeps nothing (a team warehouse: its metrics come from SQL on the server). */
    static std::unique_ptr<SnapshotSink> none();

    /** A new import, whose newest batch before it is @p previousBatch (read inside its write lock). */
    virtual void beginImport(qint64 previousBatch) = 0;
    /** The import loads stores or devices: what the rows refer to may move. */
    virtual void dimensionsChanged() = 0;
    /**
     * A transactions file (re)starts loading into a table of @p rowsBefore rows whose largest
     * id is @p lastIdBefore.
     */
    virtual void beginTransactions(qint64 rowsBefore, qint64 lastIdBefore) = 0;
    /** Whether the rows fed are still used (false: the snapshot will be rebuilt from the models). */
    virtual bool wantsRows() const = 0;
    /** Room for about @p rows rows (an estimate made once, early in a large file). */
    virtual void reserve(std::size_t rows) = 0;
    /** One loaded transaction, in file order (a per-row call: keep it cheap). */
    virtual void add(const SnapshotRow &row) = 0;
    /** A row fed before was loaded again (an upsert): the rows fed are no longer the table's. */
    virtual void rowRepeated() = 0;
    /** The models are about to be refreshed: work that reads no database may start on other threads. */
    virtual void startPreparing() = 0;
    /** Stores the snapshot for @p batchId, inside the import's transaction (the models are refreshed). */
    virtual bool store(qint64 batchId, Error *error) = 0;
    /** The import is over, stored or not: background work stops and the rows are freed. */
    virtual void endImport() = 0;
    /** Whether the last store() built the snapshot from the rows fed rather than from the models. */
    virtual bool storedFromRows() const = 0;
};

} // namespace cpm
