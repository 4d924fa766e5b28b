// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "snapshot/SnapshotRow.h"

#include <QString>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace cpm::columnar {

/** One transaction as the importer loaded it (the row a SnapshotSink is fed). */
using BuilderRow = SnapshotRow;

/**
 * Collects the transactions of an import as the loader writes them, so the import can store
 * the columnar snapshot without reading millions of rows back out of the warehouse (at 10M
 * that read was a third of the import). The result is byte for byte the payload a rebuild
 * from the models gives (tested), so it is only offered when the rows seen are exactly the
 * warehouse's transactions: the table was empty before this file, and the ids came strictly
 * ascending (the models' order; a repeated id would be an upsert), or the table's previous
 * snapshot is at hand and the new ids all come after its own (resetAppend). Otherwise valid()
 * is false and the importer rebuilds from the models as before.
 */
class ColumnarBuilder
{
public:
    /** @p sqlRoot: where the reads of the dimensions are (snapshot/ files). */
    explicit ColumnarBuilder(sqlite3 *db, const QString &sqlRoot = QStringLiteral(":/sql"));
    ~ColumnarBuilder();
    ColumnarBuilder(const ColumnarBuilder &) = delete;
    ColumnarBuilder &operator=(const ColumnarBuilder &) = delete;

    /** Starts over (a file is loaded, or reloaded with another date order): valid again. */
    void reset();
    /**
     * Starts over for rows appended to a table whose snapshot is @p base (its models'
     * dimensions unchanged since): the payload is then @p base's rows and the new ones, as a
     * rebuild would give. Every new id must exceed @p lastId (no upsert of an older row).
     */
    void resetAppend(std::shared_ptr<const class ColumnarTable> base, qint64 lastId);
    /**
     * As resetAppend(), for the delta persist::appendPayload() stores after the snapshot whose
     * statuses and products are @p dimensions (persist::loadDimensions()): the new rows only,
     * their id ranks counted from 0, with the statuses and products extended by them.
     */
    void resetDelta(std::shared_ptr<const class ColumnarTable> dimensions, qint64 lastId);
    /** The rows collected no longer match the warehouse (e.g. it held transactions before). */
    void invalidate();
    bool valid() const;
    /** Room for @p rows (an estimate): growing by doubling would leave up to half unused. */
    void reserve(std::size_t rows);
    void add(const BuilderRow &row);

    /**
     * The part of payload() that reads no database: sorts the rows by time and, for a new
     * table, encodes every column the dimensions do not decide, freeing the rows. It may run
     * on another thread while the models refresh and loadDimensions() runs; nothing else may
     * use the builder until it returns. Once @p stop (may be null) is set it
     * gives up early, and payload() then fails. payload() calls it if it has not run.
     */
    void prepare(const std::atomic<bool> *stop);
    /**
     * The dimensions, read from the refreshed models on the connection's thread (possibly
     * while prepare() runs on another). payload() calls it if it has not run.
     */
    bool loadDimensions(Error *error);
    /**
     * The persisted snapshot's payload, in pieces to store in order (PayloadWriter::finishPieces()):
     * dimensions read from the refreshed models, rows as collected. Releases the collected rows (call once).
     */
    bool payload(std::vector<std::string> *out, Error *error);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cpm::columnar
