// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "columnar/ColumnarCodec.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace cpm::columnar {

class ColumnarTable;

/**
 * The columnar snapshot persisted in the warehouse (table columnar_snapshot), so opening a
 * warehouse reads one compact blob instead of rebuilding the snapshot from the models.
 *
 * Part 0 is a small header (magic, format version, import batch, then per segment its batch,
 * rows, size, checksum and part count); the parts after it hold the segments' payloads in
 * chunks of a few MB. The first segment (the base) is a whole table; an import that only
 * appends transactions adds its new rows as one more segment (a delta, with the dictionaries
 * as they now are) instead of rewriting the base, and loading merges them into the table a
 * rebuild would give. The import writes it inside its own transaction, so a rolled-back
 * import also leaves the previous blob untouched.
 */
namespace persist {

/**
 * Bumped whenever the layout changes: an older blob is then rebuilt, not misread. Version 2
 * (one payload, no segments) is still read, as a base without deltas.
 */
constexpr quint32 kFormatVersion = 3;
/** Most segments (base and deltas) a stored snapshot holds. */
constexpr std::size_t kMaxSegments = 16;

/** What loading the persisted snapshot found. Anything but Loaded means: rebuild. */
enum class Status { Loaded, Missing, Stale, OldFormat, Damaged };
QString describe(Status status);

/** The payload (everything but the per-status aggregates, which are recomputed). */
std::string encode(const ColumnarTable &table);

/**
 * Writes a payload column by column, in this order: codes() for status, device type, store
 * slot and pair, amounts(), times() for the id rank and happened_at, createdAt(), finish().
 * A builder can free each column once it is written instead of holding a whole table.
 */
class PayloadWriter
{
public:
    /**
     * @p dimensions: the table's dictionaries and stores (its rows are not read). A @p delta
     * (see appendPayload()) leaves out the stores and device types, which the base holds.
     */
    PayloadWriter(const ColumnarTable &dimensions, std::size_t rows, std::size_t happenedKnown, bool delta = false);
    /**
     * Columns only, to be append()ed to a writer with dimensions: a builder can encode the
     * columns that do not depend on the dimensions before these are known.
     */
    PayloadWriter() = default;
    /** Appends the columns @p part wrote after this writer's own, block by block. */
    void append(PayloadWriter &&part);
    template<typename T>
    void codes(const std::vector<T> &column) { codec::writeColumn(m_codes, column); }
    /** A code column read through @p at(i) (e.g. through a sort order, without a copy). */
    template<typename At>
    void codesAt(std::size_t n, At at) { codec::writeIntsAt(m_codes, n, at); }
    void amounts(const std::vector<double> &amount) { amounts(amount.data(), nullptr, amount.size()); }
    /** @p n amounts, the i-th being @p values[@p order[i]] (or @p values[i] without an order). */
    void amounts(const double *values, const quint32 *order, std::size_t n);
    template<typename T>
    void times(const std::vector<T> &column) { codec::writeColumn(m_times, column); }
    template<typename At>
    void timesAt(std::size_t n, At at) { codec::writeIntsAt(m_times, n, at); }
    void createdAt(const std::vector<qint64> &created, const std::vector<qint64> &happened, std::size_t happenedKnown);
    // The times block may be written before the codes block: they are separate buffers.
    /** @p t: only its lag and time bounds are read. */
    std::string finish(const ColumnarTable &t);
    /**
     * finish() without joining the blocks: the payload is the pieces in order. At 10M rows the
     * join copied 100 MB into a second buffer, held with the first at the import's peak.
     */
    std::vector<std::string> finishPieces(const ColumnarTable &t);

private:
    codec::Writer m_out, m_codes, m_times;
};
/** Null when @p payload is not a valid snapshot. Recomputes the aggregates, if asked. */
std::shared_ptr<const ColumnarTable> decode(const std::string &payload, bool aggregates = true);
/**
 * The table of a base payload and the deltas appended after it (oldest first): the base's
 * rows and every delta's merged in (happened_at, id) order, with the newest dictionaries.
 */
std::shared_ptr<const ColumnarTable> decodeSegments(const std::vector<std::string> &payloads, bool aggregates = true);
/** The statuses and products that lead a payload (no stores, no rows), and its row count. */
std::shared_ptr<const ColumnarTable> decodeDimensions(const char *data, std::size_t size, quint64 *rows);
/** A payload's row count (0 if it is not one). */
quint64 rowCount(std::string_view payload);

/** Builds the snapshot from the models of @p db (read through @p sqlRoot's snapshot/ files) and stores it for @p batchId. */
bool save(sqlite3 *db, qint64 batchId, Error *error, const QString &sqlRoot = QStringLiteral(":/sql"));
/** Stores @p table for @p batchId, replacing any earlier blob. */
bool save(sqlite3 *db, const ColumnarTable &table, qint64 batchId, Error *error);
/** Stores an encoded @p payload (see encode(), ColumnarBuilder) for @p batchId. */
bool savePayload(sqlite3 *db, const std::string &payload, qint64 batchId, Error *error);
/** savePayload() of a payload given as pieces (PayloadWriter::finishPieces()). */
bool savePayload(sqlite3 *db, const std::vector<std::string> &pieces, qint64 batchId, Error *error);
/**
 * Stores @p payload, the rows batch @p batchId appended (ColumnarBuilder::resetAppend on
 * loadDimensions()), as a delta after the stored snapshot of @p previousBatch.
 */
bool appendPayload(sqlite3 *db, const std::string &payload, qint64 previousBatch, qint64 batchId, Error *error);
bool appendPayload(sqlite3 *db, const std::vector<std::string> &pieces, qint64 previousBatch, qint64 batchId, Error *error);

/** What the stored snapshot is made of: whether one more delta is worth it or a rewrite. */
struct Layout
{
    std::size_t segments = 0;
    quint64 baseRows = 0, deltaRows = 0;
    /** Too many or too large deltas: the next import rewrites the base (with them merged). */
    bool wantsRewrite() const;
};
/**
 * The statuses and products of the stored snapshot of @p batchId (no stores, no rows: what an
 * import appending a delta continues from), and its layout. Null unless Loaded.
 */
std::shared_ptr<const ColumnarTable> loadDimensions(sqlite3 *db, qint64 batchId, Status *status, Layout *layout);
/** The stored snapshot if it belongs to @p batchId, is of this format and intact. */
std::shared_ptr<const ColumnarTable> load(sqlite3 *db, qint64 batchId, Status *status, bool aggregates = true);
/** Total bytes of the stored blob (header and parts), for the tests and the benchmark. */
qint64 storedBytes(sqlite3 *db);

} // namespace persist
} // namespace cpm::columnar
