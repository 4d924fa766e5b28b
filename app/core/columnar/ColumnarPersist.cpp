// SPDX-License-Identifier: GPL-3.0-or-later
// Storing the encoded snapshot in the warehouse and reading it back on the raw sqlite3 handle:
// chunks of a few MB (SQLite keeps each blob in overflow pages; one huge blob would have to be
// built and bound whole), read straight into one buffer with sqlite3_blob_read.
#include "columnar/ColumnarPersist.h"

#include "columnar/ColumnarCodec.h"
#include "columnar/ColumnarTable.h"

#include <sqlite3.h>

#include <algorithm>

namespace cpm::columnar::persist {

namespace {

constexpr char kMagic[] = "cpmcolv1";
constexpr std::size_t kMagicSize = 8;
constexpr std::size_t kChunk = std::size_t(4) << 20;

struct Header
{
    quint32 format = 0;
    qint64 batchId = 0;
    quint64 size = 0;
    quint64 checksum = 0;
    quint64 parts = 0;
};

Error databaseError(sqlite3 *db, const char *what)
{
    return Error::make(Error::Code::Database, QStringLiteral("cannot %1 the columnar snapshot: %2")
                                                  .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(db))));
}

/** Executes @p sql with one optional blob bound; SQLITE_DONE or an error. */
bool execBlob(sqlite3 *db, const char *sql, qint64 part, const char *data, std::size_t size)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
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
    out.u64(h.format);
    out.u64(quint64(h.batchId));
    out.u64(h.size);
    out.u64(h.checksum);
    out.u64(h.parts);
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

Status readHeader(sqlite3 *db, Header *h)
{
    char buffer[kMagicSize + 5 * 8];
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
    h->size = in.u64();
    h->checksum = in.u64();
    h->parts = in.u64();
    if (!in.ok() || !in.atEnd())
        return Status::Damaged;
    return h->format == kFormatVersion ? Status::Loaded : Status::OldFormat;
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

bool save(sqlite3 *db, qint64 batchId, Error *error)
{
    // The aggregates are recomputed at load, never stored: no need to build them here.
    std::shared_ptr<const ColumnarTable> table = ColumnarTable::load(db, error, false);
    return table && save(db, *table, batchId, error);
}

bool save(sqlite3 *db, const ColumnarTable &table, qint64 batchId, Error *error)
{
    return savePayload(db, encode(table), batchId, error);
}

bool savePayload(sqlite3 *db, const std::string &payload, qint64 batchId, Error *error)
{
    Header header;
    header.format = kFormatVersion;
    header.batchId = batchId;
    header.size = payload.size();
    header.checksum = codec::checksum(payload.data(), payload.size());
    header.parts = (payload.size() + kChunk - 1) / kChunk;
    if (!execBlob(db, "delete from columnar_snapshot", 0, nullptr, 0))
        return *error = databaseError(db, "replace"), false;
    const char *insert = "insert into columnar_snapshot (part, data) values (?, ?)";
    const std::string head = encodeHeader(header);
    if (!execBlob(db, insert, 0, head.data(), head.size()))
        return *error = databaseError(db, "store"), false;
    for (quint64 part = 0; part < header.parts; ++part) {
        const std::size_t at = std::size_t(part) * kChunk;
        if (!execBlob(db, insert, qint64(part) + 1, payload.data() + at, std::min(kChunk, payload.size() - at)))
            return *error = databaseError(db, "store"), false;
    }
    return true;
}

/** Reads the header and every part in one read transaction (see load()). */
static std::shared_ptr<const ColumnarTable> loadConsistent(sqlite3 *db, qint64 batchId, Status *status, bool aggregates)
{
    Header header;
    *status = readHeader(db, &header);
    if (*status != Status::Loaded)
        return nullptr;
    if (header.batchId != batchId) {
        *status = Status::Stale;
        return nullptr;
    }
    // The header's sizes come from disk: check they agree before trusting them with memory.
    if (header.parts != (header.size + kChunk - 1) / kChunk || header.size > (quint64(1) << 40)) {
        *status = Status::Damaged;
        return nullptr;
    }
    std::string payload(std::size_t(header.size), '\0');
    for (quint64 part = 0; part < header.parts; ++part) {
        const std::size_t at = std::size_t(part) * kChunk;
        const std::size_t expected = std::min(kChunk, payload.size() - at);
        std::size_t read = 0;
        if (readPart(db, qint64(part) + 1, payload.data() + at, expected, &read) != SQLITE_OK || read != expected) {
            *status = Status::Damaged;
            return nullptr;
        }
    }
    std::shared_ptr<const ColumnarTable> table;
    if (codec::checksum(payload.data(), payload.size()) == header.checksum)
        table = decode(payload, aggregates);
    *status = table ? Status::Loaded : Status::Damaged;
    return table;
}

std::shared_ptr<const ColumnarTable> load(sqlite3 *db, qint64 batchId, Status *status, bool aggregates)
{
    // Each blob handle would otherwise read its own state of the file: an import committing
    // on another connection between two parts would mix two snapshots (the checksum would
    // catch it, but only to throw the work away).
    const bool own = sqlite3_get_autocommit(db) != 0 && sqlite3_exec(db, "begin", nullptr, nullptr, nullptr) == SQLITE_OK;
    std::shared_ptr<const ColumnarTable> table = loadConsistent(db, batchId, status, aggregates);
    if (own)
        sqlite3_exec(db, "commit", nullptr, nullptr, nullptr);
    return table;
}

qint64 storedBytes(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 bytes = 0;
    if (sqlite3_prepare_v2(db, "select coalesce(sum(length(data)), 0) from columnar_snapshot", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        bytes = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return bytes;
}

} // namespace cpm::columnar::persist
