// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the columnar module: what the rebuild from the models (ColumnarLoad.cpp) and
// the build from the importer's rows (ColumnarBuilder.cpp) share.
#pragma once

#include "base/Error.h"
#include "columnar/ColumnarTable.h"
#include "warehouse/SqlFile.h"

#include <sqlite3.h>

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

/** A prepared query (a statement file under snapshot/) on the raw handle, finalised on scope exit. */
class Query
{
public:
    Query(sqlite3 *db, const QString &root, const char *relative) : m_db(db)
    {
        const QByteArray sql = SqlFile::statementUtf8(root, QLatin1String(relative), &m_fileError);
        if (!m_fileError)
            sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr);
    }
    ~Query() { sqlite3_finalize(m_stmt); }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    bool ok(Error *error) const
    {
        if (m_stmt)
            return true;
        if (m_fileError)
            return *error = m_fileError, false;
        *error = Error::make(Error::Code::Database, QStringLiteral("cannot read the warehouse for the metrics: %1")
                                                        .arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
        return false;
    }
    bool next() { return sqlite3_step(m_stmt) == SQLITE_ROW; }
    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    qint64 integer(int c) const { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    qint64 time(int c) const { return isNull(c) ? kNoTime : integer(c); }
    std::string_view bytes(int c) const
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return text ? std::string_view(text, std::size_t(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }
    QString text(int c) const { const auto b = bytes(c); return QString::fromUtf8(b.data(), qsizetype(b.size())); }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    Error m_fileError;
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
    Assembler(sqlite3 *db, ColumnarTable &table, Error *error, QString sqlRoot)
        : m_db(db), m_root(std::move(sqlRoot)), m_t(table), m_error(error)
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

    sqlite3 *m_db;
    QString m_root;
    ColumnarTable &m_t;
    Error *m_error;
    std::unordered_map<qint64, qint32> m_storeSlot;
    DeviceIndex m_devices;
    std::unordered_map<std::string, qint32> m_pairs, m_skus, m_names;
    std::string m_key;
};


} // namespace cpm::columnar::detail
