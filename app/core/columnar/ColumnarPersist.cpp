// SPDX-License-Identifier: GPL-3.0-or-later
// Storing the encoded snapshot in the warehouse and reading it back on the raw sqlite3 handle:
// chunks of a few MB (SQLite keeps each blob in overflow pages; one huge blob would have to be
// built and bound whole), read straight into one buffer with sqlite3_blob_read.
#include "columnar/ColumnarPersist.h"

#include "columnar/HugePages.h"

#include "columnar/ColumnarCodec.h"
#include "columnar/ColumnarTable.h"
#include "warehouse/SqlFile.h"

#include <sqlite3.h>

#include <algorithm>

namespace cpm::columnar::persist {

namespace {

constexpr char kMagic[] = "cpmcolv1";
constexpr std::size_t kMagicSize = 8;
constexpr std::size_t kChunk = std::size_t(4) << 20;
/** Version 2 stored one payload; its header reads as a version 3 header of one segment. */
constexpr quint32 kSingleFormat = 2;

/** One stored payload: the base (a whole table) or a delta (one import's rows). */
struct Segment
{
    qint64 batchId = 0;
    quint64 rows = 0;
    quint64 size = 0;
    quint64 checksum = 0;
    quint64 parts = 0;
};

struct Header
{
    quint32 format = 0;
    qint64 batchId = 0;            ///< the newest segment's
    std::vector<Segment> segments; ///< base first; parts are numbered on from 1, in this order
};

Error databaseError(sqlite3 *db, const char *what)
{
    return Error::make(Error::Code::Database, QStringLiteral("cannot %1 the columnar snapshot: %2")
                                                  .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(db))));
}

/**
 * The statement file @p relative under snapshot/. Always the embedded copy: these statements
 * belong to the blob's storage format (020_columnar_snapshot.sql), not to the models.
 */
QByteArray statement(const char *relative)
{
    Error ignored; // the embedded files are always there; an empty statement fails to prepare
    return SqlFile::statementUtf8(SqlFile::embeddedRoot(), QLatin1String(relative), &ignored);
}

/** Executes the statement file @p relative with one optional blob bound; SQLITE_DONE or an error. */
bool execBlob(sqlite3 *db, const char *relative, qint64 part, const char *data, std::size_t size)
{
    const QByteArray sql = statement(relative);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK || !stmt)
        return false;
    if (data) {
        sqlite3_bind_int64(stmt, 1, part);
        sqlite3_bind_blob64(stmt, 2, data, sqlite3_uint64(size), SQLITE_STATIC);
    }
    const int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE;
}

std::string encodeHeader(const Header &h)
{
    codec::Writer out;
    out.raw(kMagic, kMagicSize);
    out.u64(kFormatVersion);
    out.u64(quint64(h.batchId));
    out.u64(h.segments.size());
    for (const Segment &s : h.segments) {
        out.u64(quint64(s.batchId));
        out.u64(s.rows);
        out.u64(s.size);
        out.u64(s.checksum);
        out.u64(s.parts);
    }
    return std::move(out.data());
}

/** Reads the whole blob of @p part into @p out at @p offset (at most @p size bytes). */
int readPart(sqlite3 *db, qint64 part, char *out, std::size_t size, std::size_t *read)
{
    sqlite3_blob *blob = nullptr;
    int rc = sqlite3_blob_open(db, "main", "columnar_snapshot", "data", part, 0, &blob);
    if (rc != SQLITE_OK)
        return sqlite3_blob_close(blob), rc;
    const std::size_t bytes = std::size_t(std::max(0, sqlite3_blob_bytes(blob)));
    if (bytes > size)
        rc = SQLITE_CORRUPT;
    else if (bytes > 0)
        rc = sqlite3_blob_read(blob, out, int(bytes), 0);
    sqlite3_blob_close(blob);
    *read = bytes;
    return rc;
}

/** The header's sizes come from disk: check they agree before trusting them with memory. */
bool plausible(const Segment &s)
{
    return s.parts == (s.size + kChunk - 1) / kChunk && s.size <= (quint64(1) << 40);
}

Status readHeader(sqlite3 *db, Header *h)
{
    char buffer[kMagicSize + 3 * 8 + kMaxSegments * 5 * 8];
    std::size_t read = 0;
    const int rc = readPart(db, 0, buffer, sizeof buffer, &read);
    if (rc != SQLITE_OK)
        return read > sizeof buffer || rc == SQLITE_CORRUPT ? Status::Damaged : Status::Missing;
    codec::Reader in(buffer, read);
    const char *magic = in.take(kMagicSize);
    if (!magic || std::memcmp(magic, kMagic, kMagicSize) != 0)
        return Status::Damaged;
    h->format = quint32(in.u64());
    h->batchId = qint64(in.u64());
    if (h->format != kFormatVersion && h->format != kSingleFormat)
        return Status::OldFormat;
    const quint64 count = h->format == kSingleFormat ? 1 : in.u64();
    if (count == 0 || count > kMaxSegments)
        return Status::Damaged;
    for (quint64 i = 0; i < count; ++i) {
        Segment s;
        s.batchId = h->format == kSingleFormat ? h->batchId : qint64(in.u64());
        s.rows = h->format == kSingleFormat ? 0 : in.u64(); // version 2: read from the payload when needed
        s.size = in.u64();
        s.checksum = in.u64();
        s.parts = in.u64();
        if (!plausible(s))
            return Status::Damaged;
        h->segments.push_back(s);
    }
    if (!in.ok() || !in.atEnd() || h->segments.back().batchId != h->batchId)
        return Status::Damaged;
    return Status::Loaded;
}

/** The header, if it is of this format and belongs to @p batchId. */
Status readCurrentHeader(sqlite3 *db, qint64 batchId, Header *header)
{
    const Status status = readHeader(db, header);
    return status == Status::Loaded && header->batchId != batchId ? Status::Stale : status;
}

/** The first part number of segment @p index. */
qint64 firstPart(const Header &h, std::size_t index)
{
    qint64 part = 1;
    for (std::size_t s = 0; s < index; ++s)
        part += qint64(h.segments[s].parts);
    return part;
}

/** Reads the first @p parts parts (all when larger) of segment @p index into @p payload. */
bool readSegment(sqlite3 *db, const Header &h, std::size_t index, quint64 parts, std::string *payload)
{
    const Segment &s = h.segments[index];
    parts = std::min(parts, s.parts);
    const auto bytes = std::size_t(std::min<quint64>(s.size, parts * kChunk));
    reserveHugePages(*payload, bytes);
    payload->assign(bytes, '\0');
    const qint64 first = firstPart(h, index);
    for (quint64 part = 0; part < parts; ++part) {
        const std::size_t at = std::size_t(part) * kChunk;
        const std::size_t expected = std::min(kChunk, payload->size() - at);
        std::size_t read = 0;
        if (readPart(db, first + qint64(part), payload->data() + at, expected, &read) != SQLITE_OK || read != expected)
            return false;
    }
    return true;
}

/** The dictionaries of segment @p index (without reading its rows) and its row count. */
std::shared_ptr<const ColumnarTable> readDimensions(sqlite3 *db, const Header &h, std::size_t index, quint64 *rows)
{
    // The dictionaries lead the payload, their length first: read the parts that hold them and
    // the row count after them, not the whole segment (a wide catalogue's can pass 4 MiB).
    std::string prefix;
    if (!readSegment(db, h, index, 1, &prefix))
        return nullptr;
    codec::Reader lead(prefix.data(), prefix.size());
    const quint64 dictionaries = lead.varint();
    constexpr quint64 kRowCountBytes = 10; // the longest varint
    const quint64 needed = (prefix.size() - lead.left()) + dictionaries + kRowCountBytes;
    const quint64 parts = (needed + kChunk - 1) / kChunk;
    if (lead.ok() && parts > 1 && !readSegment(db, h, index, parts, &prefix))
        return nullptr;
    return decodeDimensions(prefix.data(), prefix.size(), rows);
}

/** Segment @p index's row count: recorded, but not by version 2, which the payload then tells. */
bool readRows(sqlite3 *db, const Header &h, std::size_t index, quint64 *rows)
{
    if (h.format != kSingleFormat)
        return *rows = h.segments[index].rows, true;
    return readDimensions(db, h, index, rows) != nullptr;
}

/** Stores @p pieces (a payload in order) as 4 MiB parts; a part spanning pieces is joined first. */
bool writeSegment(sqlite3 *db, const std::vector<std::string_view> &pieces, qint64 firstPart, Segment *s, Error *error)
{
    codec::Checksum sum;
    s->size = 0;
    for (const std::string_view piece : pieces) {
        sum.add(piece.data(), piece.size());
        s->size += piece.size();
    }
    s->rows = pieces.empty() ? 0 : rowCount(pieces.front()); // the first piece holds the count
    s->checksum = sum.value();
    s->parts = (s->size + kChunk - 1) / kChunk;
    const char *insert = "snapshot/insert_part.sql";
    std::string joined;
    std::size_t piece = 0, offset = 0; // where the next part starts
    for (quint64 part = 0; part < s->parts; ++part) {
        const std::size_t want = std::size_t(std::min<quint64>(kChunk, s->size - part * kChunk));
        while (offset == pieces[piece].size()) {
            ++piece;
            offset = 0;
        }
        const char *data = pieces[piece].data() + offset;
        if (pieces[piece].size() - offset >= want) {
            offset += want;
        } else {
            joined.clear();
            while (joined.size() < want) {
                const std::size_t take = std::min(want - joined.size(), pieces[piece].size() - offset);
                joined.append(pieces[piece].data() + offset, take);
                offset += take;
                if (offset == pieces[piece].size() && joined.size() < want) {
                    ++piece;
                    offset = 0;
                }
            }
            data = joined.data();
        }
        if (!execBlob(db, insert, firstPart + qint64(part), data, want))
            return *error = databaseError(db, "store"), false;
    }
    return true;
}

bool writeHeader(sqlite3 *db, const Header &header, Error *error)
{
    const std::string head = encodeHeader(header);
    if (!execBlob(db, "snapshot/replace_part.sql", 0, head.data(), head.size()))
        return *error = databaseError(db, "store"), false;
    return true;
}

} // namespace

QString describe(Status status)
{
    switch (status) {
    case Status::Loaded: return QStringLiteral("loaded");
    case Status::Missing: return QStringLiteral("missing");
    case Status::Stale: return QStringLiteral("stale (an older import)");
    case Status::OldFormat: return QStringLiteral("of an older format");
    case Status::Damaged: return QStringLiteral("damaged");
    }
    return QString();
}

bool save(sqlite3 *db, qint64 batchId, Error *error, const QString &sqlRoot)
{
    // The aggregates are recomputed at load, never stored: no need to build them here.
    std::shared_ptr<const ColumnarTable> table = ColumnarTable::load(db, error, false, sqlRoot);
    return table && save(db, *table, batchId, error);
}

bool save(sqlite3 *db, const ColumnarTable &table, qint64 batchId, Error *error)
{
    return savePayload(db, encode(table), batchId, error);
}

namespace {

bool saveViews(sqlite3 *db, const std::vector<std::string_view> &pieces, qint64 batchId, Error *error)
{
    Header header;
    header.batchId = batchId;
    header.segments.push_back({batchId, 0, 0, 0, 0});
    if (!execBlob(db, "snapshot/delete_parts.sql", 0, nullptr, 0))
        return *error = databaseError(db, "replace"), false;
    return writeSegment(db, pieces, 1, &header.segments.back(), error) && writeHeader(db, header, error);
}

bool appendViews(sqlite3 *db, const std::vector<std::string_view> &pieces, qint64 previousBatch, qint64 batchId, Error *error)
{
    Header header;
    if (readCurrentHeader(db, previousBatch, &header) != Status::Loaded || header.segments.size() >= kMaxSegments) {
        *error = Error::make(Error::Code::Database, QStringLiteral("the columnar snapshot changed during the import"));
        return false;
    }
    if (header.format == kSingleFormat && !readRows(db, header, 0, &header.segments.front().rows))
        return *error = databaseError(db, "read"), false;
    const qint64 first = firstPart(header, header.segments.size());
    header.batchId = batchId;
    header.segments.push_back({batchId, 0, 0, 0, 0});
    return writeSegment(db, pieces, first, &header.segments.back(), error) && writeHeader(db, header, error);
}

std::vector<std::string_view> views(const std::vector<std::string> &pieces)
{
    return std::vector<std::string_view>(pieces.begin(), pieces.end());
}

} // namespace

bool savePayload(sqlite3 *db, const std::string &payload, qint64 batchId, Error *error)
{
    return saveViews(db, {payload}, batchId, error);
}

bool savePayload(sqlite3 *db, const std::vector<std::string> &pieces, qint64 batchId, Error *error)
{
    return saveViews(db, views(pieces), batchId, error);
}

bool appendPayload(sqlite3 *db, const std::string &payload, qint64 previousBatch, qint64 batchId, Error *error)
{
    return appendViews(db, {payload}, previousBatch, batchId, error);
}

bool appendPayload(sqlite3 *db, const std::vector<std::string> &pieces, qint64 previousBatch, qint64 batchId, Error *error)
{
    return appendViews(db, views(pieces), previousBatch, batchId, error);
}

/** Reads the header and every segment in one read transaction (see load()). */
static std::shared_ptr<const ColumnarTable> loadConsistent(sqlite3 *db, qint64 batchId, Status *status, bool aggregates)
{
    Header header;
    *status = readCurrentHeader(db, batchId, &header);
    if (*status != Status::Loaded)
        return nullptr;
    std::vector<std::string> payloads(header.segments.size());
    for (std::size_t s = 0; s < payloads.size(); ++s) {
        if (!readSegment(db, header, s, header.segments[s].parts, &payloads[s])
            || codec::checksum(payloads[s].data(), payloads[s].size()) != header.segments[s].checksum) {
            *status = Status::Damaged;
            return nullptr;
        }
    }
    std::shared_ptr<const ColumnarTable> table = decodeSegments(payloads, aggregates);
    *status = table ? Status::Loaded : Status::Damaged;
    return table;
}

/** Runs @p read in one read transaction of its own unless one is open (see load()). */
template<typename Read>
static auto readConsistent(sqlite3 *db, Read read)
{
    const bool own = sqlite3_get_autocommit(db) != 0 && sqlite3_exec(db, "begin", nullptr, nullptr, nullptr) == SQLITE_OK;
    auto result = read();
    if (own)
        sqlite3_exec(db, "commit", nullptr, nullptr, nullptr);
    return result;
}

std::shared_ptr<const ColumnarTable> loadDimensions(sqlite3 *db, qint64 batchId, Status *status, Layout *layout)
{
    return readConsistent(db, [&]() -> std::shared_ptr<const ColumnarTable> {
        Header header;
        *status = readCurrentHeader(db, batchId, &header);
        quint64 newestRows = 0;
        auto dims = *status == Status::Loaded ? readDimensions(db, header, header.segments.size() - 1, &newestRows) : nullptr;
        layout->baseRows = newestRows;
        if (!dims || (header.segments.size() > 1 && !readRows(db, header, 0, &layout->baseRows))) {
            *status = *status == Status::Loaded ? Status::Damaged : *status;
            return nullptr;
        }
        layout->segments = header.segments.size();
        layout->deltaRows = 0;
        // The deltas are small: checked here, so a damaged one is replaced by a rewrite now
        // rather than extended. (A damaged base fails every load until the next rewrite.)
        std::string delta;
        for (std::size_t s = 1; s < header.segments.size(); ++s) {
            layout->deltaRows += header.segments[s].rows;
            if (!readSegment(db, header, s, header.segments[s].parts, &delta)
                || codec::checksum(delta.data(), delta.size()) != header.segments[s].checksum) {
                *status = Status::Damaged;
                return nullptr;
            }
        }
        return dims;
    });
}

bool Layout::wantsRewrite() const
{
    // Every open merges the deltas' rows into the base's (a pass over the whole table) and
    // reads each segment: worth it for a few small deltas, not for a second table's worth.
    return segments >= kMaxSegments || deltaRows * 8 >= baseRows;
}

std::shared_ptr<const ColumnarTable> load(sqlite3 *db, qint64 batchId, Status *status, bool aggregates)
{
    // Each blob handle would otherwise read its own state of the file: an import committing
    // on another connection between two parts would mix two snapshots (the checksum would
    // catch it, but only to throw the work away).
    return readConsistent(db, [&] { return loadConsistent(db, batchId, status, aggregates); });
}

qint64 storedBytes(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 bytes = 0;
    const QByteArray sql = statement("snapshot/stored_bytes.sql");
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        bytes = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return bytes;
}

} // namespace cpm::columnar::persist
