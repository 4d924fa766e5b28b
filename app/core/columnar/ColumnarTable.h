// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "columnar/Aggregates.h"
#include "metrics/MetricFilter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

struct sqlite3;
class QSqlDatabase;

namespace cpm::columnar {

/** Stands for a missing timestamp: above every range, so no filter ever matches it. */
constexpr qint64 kNoTime = std::numeric_limits<qint64>::max();

struct Store
{
    qint64 id = 0;
    QString name, typology, country, customer;
    std::optional<qint64> createdAt;
    int group = 0;    ///< index into ColumnarTable::groups
    int customerIndex = 0; ///< index into ColumnarTable::customers
};

/** One (typology, country) pair of dim_stores, in the SQL's (binary) order. */
struct StoreGroup
{
    QString typology, country;
    qint64 stores = 0; ///< all stores of the group, with or without transactions
};

/**
 * The fact table in memory, column by column, dictionary-encoded: one byte for the status
 * and the device type, 32-bit store and (SKU, product name) indices, 64-bit times and the
 * amount. Rows are sorted by (happened_at, transaction id), so a happened_at range is a
 * contiguous slice found by binary search, and a created_at range is the slice widened by
 * the observed created − happened lag. Per-status aggregates over all rows are kept so a
 * filter without dates never scans rows. Immutable once loaded (the aggregates are filled
 * once, under std::call_once): share it across threads.
 */
class ColumnarTable
{
public:
    /**
     * Reads the core models (dim_stores, dim_devices, stg_transactions) of @p db through the
     * statements in @p sqlRoot's snapshot/ folder. Without @p aggregates the per-status
     * aggregates stay empty: enough to persist the table.
     */
    static std::shared_ptr<const ColumnarTable> load(sqlite3 *db, Error *error, bool aggregates = true,
                                                     const QString &sqlRoot = QStringLiteral(":/sql"));
    /**
     * The same from a team warehouse's server (PostgreSQL), with the aggregates: a reader's
     * in-process snapshot, built once per import batch and never stored on the server.
     */
    static std::shared_ptr<const ColumnarTable> load(const QSqlDatabase &server, Error *error, const QString &sqlRoot);

    std::size_t rowCount() const { return amount.size(); }
    int storeCount() const { return int(stores.size()); }
    /** Aggregate slot of transactions whose device is unknown (real stores come first). */
    int unknownDeviceSlot() const { return storeCount(); }
    /** Aggregate slot of transactions whose device is known but its store is not. */
    int unknownStoreSlot() const { return storeCount() + 1; }
    const Aggregates &allRows(TimeColumn column, int statusIndex) const { return perStatus(column)[std::size_t(statusIndex)]; }
    /**
     * Per status, the aggregates of every row with a @p column time: what a filter without
     * dates sums. Computed on first use (once, thread-safe, on both cores), so opening a
     * warehouse pays only for the time column it is first asked about.
     */
    const std::vector<Aggregates> &perStatus(TimeColumn column) const;

    // Dimensions; every dictionary is sorted the way SQLite orders the values (bytes, nulls
    // first), so index order is the SQL tie order.
    std::vector<Store> stores;               ///< by store id
    std::vector<StoreGroup> groups;
    QStringList customers;                   ///< sorted as QString compares (the per-customer table order)
    std::vector<QByteArray> skus;            ///< UTF-8
    std::vector<char> skuLossy;              ///< 1 when any row of the SKU was spreadsheet-mangled
    std::vector<QByteArray> productNames;    ///< UTF-8
    std::vector<qint32> pairSku, pairName;   ///< (SKU, product name) pair → its parts
    std::vector<std::optional<qint64>> deviceTypes;
    QStringList statuses;                    ///< as stored (trimmed, lower case)

    // Rows, in (happened_at, id) order.
    std::vector<quint8> status, deviceType;
    std::vector<qint32> store;               ///< slot: store index, unknownDeviceSlot() or unknownStoreSlot()
    std::vector<qint32> pair;
    std::vector<double> amount;
    std::vector<qint64> happenedAt, createdAt;
    std::vector<quint32> idRank;             ///< position in transaction id order (ties of time)

    qint64 minLag = 0, maxLag = 0;           ///< created_at − happened_at over rows with both
    std::size_t happenedKnown = 0;           ///< rows [0, happenedKnown) have a happened_at
    std::array<qint64, 2> minTime{kNoTime, kNoTime}, maxTime{kNoTime, kNoTime};

private:
    mutable std::array<std::vector<Aggregates>, 2> m_perStatus; ///< [time column][status]
    mutable std::array<std::once_flag, 2> m_perStatusOnce;
};

} // namespace cpm::columnar
