// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the columnar module: what the rebuild from the models (ColumnarLoad.cpp) and
// the build from the importer's rows (ColumnarBuilder.cpp) share.
#pragma once

#include "base/Error.h"
#include "columnar/ColumnarTable.h"
#include "columnar/StringIndex.h"
#include "warehouse/SqlFile.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <sqlite3.h>

#include <memory>

#include <string>
#include <string_view>
#include <unordered_map>

namespace cpm::columnar::detail {

constexpr quint8 kNoStatus = 255; // a null status matches no filter, as in SQL

/**
 * Frees @p v's memory now. Not "v = {}": that picks the initializer-list assignment, which
 * empties the vector but keeps its capacity (at 10M rows, hundreds of MB kept to the end).
 */
template<typename V>
void release(V &v)
{
    V().swap(v);
}

/**
 * Where the snapshot reads the models from: the raw SQLite handle (the file warehouse), or a
 * QSqlDatabase on a team warehouse (PostgreSQL), whose snapshot is built in the reader's
 * process and never stored.
 */
struct ModelSource
{
    sqlite3 *sqlite = nullptr;
    QSqlDatabase server;
};

/**
 * A query (a statement file under snapshot/) over either source, finalised on scope exit.
 * On SQLite the column readers are the C API's; on a server the rows stream forward-only and
 * each row's cells are converted once as it arrives.
 */
class Query
{
public:
    Query(const ModelSource &source, const QString &root, const char *relative);
    ~Query();
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    bool ok(Error *error) const;
    bool next() { return m_stmt ? sqlite3_step(m_stmt) == SQLITE_ROW : nextServerRow(); }
    bool isNull(int c) const { return m_stmt ? sqlite3_column_type(m_stmt, c) == SQLITE_NULL : m_cells[std::size_t(c)].isNull(); }
    qint64 integer(int c) const { return m_stmt ? sqlite3_column_int64(m_stmt, c) : m_cells[std::size_t(c)].toLongLong(); }
    double real(int c) const { return m_stmt ? sqlite3_column_double(m_stmt, c) : m_cells[std::size_t(c)].toDouble(); }
    qint64 time(int c) const { return isNull(c) ? kNoTime : integer(c); }
    std::string_view bytes(int c) const
    {
        if (!m_stmt) {
            const QByteArray &text = m_text[std::size_t(c)];
            return std::string_view(text.constData(), std::size_t(text.size()));
        }
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return text ? std::string_view(text, std::size_t(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }
    QString text(int c) const { const auto b = bytes(c); return QString::fromUtf8(b.data(), qsizetype(b.size())); }

private:
    bool nextServerRow();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::unique_ptr<QSqlQuery> m_server;
    std::vector<QVariant> m_cells;
    std::vector<QByteArray> m_text;
    Error m_fileError;
    QString m_serverError;
};

struct Device
{
    quint8 type = 0;
    qint32 slot = 0;
};

/** Device id → (type, store slot); a plain vector when the ids are dense enough. */
class DeviceIndex
{
public:
    void add(qint64 id, Device device) { m_map.emplace(id, device); }
    void finish()
    {
        qint64 maxId = 0;
        for (const auto &entry : m_map)
            maxId = std::max(maxId, entry.first);
        bool positive = std::all_of(m_map.begin(), m_map.end(), [](const auto &e) { return e.first >= 0; });
        if (!positive || maxId > 8 * qint64(m_map.size()) + 1024)
            return;
        m_dense.assign(std::size_t(maxId + 1), {});
        m_known.assign(std::size_t(maxId + 1), 0);
        for (const auto &entry : m_map) {
            m_dense[std::size_t(entry.first)] = entry.second;
            m_known[std::size_t(entry.first)] = 1;
        }
    }
    const Device *find(qint64 id) const
    {
        if (!m_dense.empty())
            return id >= 0 && id < qint64(m_dense.size()) && m_known[std::size_t(id)] ? &m_dense[std::size_t(id)] : nullptr;
        const auto it = m_map.find(id);
        return it == m_map.end() ? nullptr : &it->second;
    }

private:
    std::unordered_map<qint64, Device> m_map;
    std::vector<Device> m_dense;
    std::vector<char> m_known;
};

/** Rows as read, in id order, before the sort by time. */
struct RawRows
{
    std::vector<quint8> status, type;
    std::vector<qint32> store, pair;
    std::vector<double> amount;
    std::vector<qint64> happened, created;
};

/**
 * Assembles a ColumnarTable: the dimensions from the warehouse's models, the rows from a
 * source (the models, or the importer's own rows), dictionaries sorted as SQLite sorts.
 */
class Assembler
{
public:
    /** @p sqlRoot: where the snapshot's reads of the models (snapshot/ files) are. */
    Assembler(ModelSource source, ColumnarTable &table, Error *error, QString sqlRoot)
        : m_db(std::move(source)), m_root(std::move(sqlRoot)), m_t(table), m_error(error)
    {
    }

    /** Everything from the models: the rebuild path. */
    bool run(bool aggregates)
    {
        RawRows rows;
        if (!loadDimensions() || !loadRows(&rows))
            return false;
        finish(rows, aggregates);
        return true;
    }
    /** dim_stores and dim_devices. */
    bool loadDimensions() { return loadStores() && loadDevices(); }
    /** dim_devices, and of dim_stores only the ids (the slots): all a delta's rows need. */
    bool loadDeviceSlots() { return loadStoreIds() && loadDevices(); }
    /** Sorts the dictionaries and @p rows (in transaction id order), then the bounds. */
    void finish(RawRows &rows, bool aggregates)
    {
        sortDictionaries();
        sortRows(rows);
        precompute(aggregates);
    }
    qint32 pairOf(std::string_view sku, std::string_view name, bool lossy);
    /** The status's index; false past 250 distinct statuses. */
    bool statusOf(std::string_view bytes, quint8 *index);
    const Device *device(qint64 id) const { return m_devices.find(id); }
    /** Sorts the SKU and product name dictionaries bytewise (pair indices do not change). */
    void sortDictionaries();
    ColumnarTable &table() { return m_t; }

private:
    bool loadStores();
    bool loadStoreIds();
    bool loadDevices();
    bool loadRows(RawRows *rows);
    void reserve(RawRows *rows);
    void sortRows(RawRows &rows);
    void precompute(bool aggregates);

    ModelSource m_db;
    QString m_root;
    ColumnarTable &m_t;
    Error *m_error;
    std::unordered_map<qint64, qint32> m_storeSlot;
    DeviceIndex m_devices;
    StringIndex m_pairs, m_skus, m_names;
    std::string m_key;
};


} // namespace cpm::columnar::detail
