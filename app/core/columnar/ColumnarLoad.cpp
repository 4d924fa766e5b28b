// SPDX-License-Identifier: GPL-3.0-or-later
// Building the columnar snapshot from the warehouse: one sequential read of each core model,
// then a sort of the rows by (happened_at, id) and the per-status aggregates.
#include "columnar/ColumnarAssembler.h"
#include "columnar/ColumnarScan.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace cpm::columnar {

namespace detail {

bool Assembler::loadStores()
{
    Query q(m_db, m_root, "snapshot/read_dim_stores.sql");
    if (!q.ok(m_error))
        return false;
    std::map<std::pair<QByteArray, QByteArray>, int> groups;
    std::vector<std::pair<QByteArray, QByteArray>> keys;
    while (q.next()) {
        Store store;
        store.id = q.integer(0);
        store.name = q.text(1);
        store.typology = q.text(2);
        store.country = q.text(3);
        store.customer = q.text(4);
        if (!q.isNull(5))
            store.createdAt = q.integer(5);
        m_storeSlot.emplace(store.id, qint32(m_t.stores.size()));
        keys.emplace_back(store.typology.toUtf8(), store.country.toUtf8());
        groups.emplace(keys.back(), 0);
        m_t.stores.push_back(std::move(store));
    }
    // std::map orders the byte strings as SQLite's binary collation does.
    for (auto &entry : groups) {
        entry.second = int(m_t.groups.size());
        m_t.groups.push_back({QString::fromUtf8(entry.first.first), QString::fromUtf8(entry.first.second), 0});
    }
    for (std::size_t s = 0; s < m_t.stores.size(); ++s) {
        m_t.stores[s].group = groups[keys[s]];
        ++m_t.groups[std::size_t(m_t.stores[s].group)].stores;
        m_t.customers << m_t.stores[s].customer;
    }
    m_t.customers.sort();
    m_t.customers.removeDuplicates();
    for (Store &store : m_t.stores) {
        const auto at = std::lower_bound(m_t.customers.cbegin(), m_t.customers.cend(), store.customer);
        store.customerIndex = int(at - m_t.customers.cbegin());
    }
    return true;
}

bool Assembler::loadStoreIds()
{
    Query q(m_db, m_root, "snapshot/read_dim_store_ids.sql");
    if (!q.ok(m_error))
        return false;
    while (q.next()) {
        m_storeSlot.emplace(q.integer(0), qint32(m_t.stores.size()));
        m_t.stores.emplace_back().id = q.integer(0); // names unread: a delta does not store them
    }
    return true;
}

bool Assembler::loadDevices()
{
    Query q(m_db, m_root, "snapshot/read_dim_devices.sql");
    if (!q.ok(m_error))
        return false;
    struct Row { qint64 id; std::optional<qint64> type; qint32 slot; };
    std::vector<Row> rows;
    std::set<qint64> types;
    while (q.next()) {
        Row row{q.integer(0), std::nullopt, m_t.unknownStoreSlot()};
        if (!q.isNull(1))
            types.insert(*(row.type = q.integer(1)));
        const auto store = m_storeSlot.find(q.integer(2));
        if (!q.isNull(2) && q.integer(3) == 1 && store != m_storeSlot.end())
            row.slot = store->second;
        rows.push_back(row);
    }
    if (types.size() > 254) {
        *m_error = Error::make(Error::Code::Database, QStringLiteral("more than 254 device types"));
        return false;
    }
    m_t.deviceTypes.assign(1, std::nullopt); // null first, as SQLite sorts it
    m_t.deviceTypes.insert(m_t.deviceTypes.end(), types.begin(), types.end());
    for (const Row &row : rows) {
        const auto at = row.type ? std::lower_bound(m_t.deviceTypes.begin() + 1, m_t.deviceTypes.end(), row.type)
                                 : m_t.deviceTypes.begin();
        m_devices.add(row.id, Device{quint8(at - m_t.deviceTypes.begin()), row.slot});
    }
    m_devices.finish();
    return true;
}

qint32 Assembler::pairOf(std::string_view sku, std::string_view name, bool lossy)
{
    m_key.assign(sku);
    m_key.push_back('\0'); // CSV fields never hold NUL bytes, so the key is unambiguous
    m_key.append(name);
    bool added = false;
    const qint32 pair = m_pairs.intern(m_key, &added);
    if (!added) {
        if (lossy)
            m_t.skuLossy[std::size_t(m_t.pairSku[std::size_t(pair)])] = 1;
        return pair;
    }
    const qint32 skuIndex = m_skus.intern(sku);
    if (std::size_t(skuIndex) == m_t.skuLossy.size())
        m_t.skuLossy.push_back(0);
    if (lossy)
        m_t.skuLossy[std::size_t(skuIndex)] = 1;
    m_t.pairSku.push_back(skuIndex);
    m_t.pairName.push_back(m_names.intern(name));
    return pair;
}

bool Assembler::statusOf(std::string_view bytes, quint8 *index)
{
    const QString status = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    const qsizetype at = m_t.statuses.indexOf(status);
    if (at >= 0)
        return *index = quint8(at), true;
    if (m_t.statuses.size() >= 250) {
        *m_error = Error::make(Error::Code::Database, QStringLiteral("more than 250 distinct statuses"));
        return false;
    }
    m_t.statuses << status;
    *index = quint8(m_t.statuses.size() - 1);
    return true;
}

bool Assembler::loadRows(RawRows *rows)
{
    // Counted first: on a server the rows stream, and a second query on the connection would
    // end the stream.
    reserve(rows);
    Query q(m_db, m_root, "snapshot/read_stg_transactions.sql");
    if (!q.ok(m_error))
        return false;
    // Statuses repeat in runs of a few distinct values: remember the last bytes seen.
    std::string lastStatus;
    bool lastNull = true;
    quint8 lastStatusIndex = kNoStatus;
    while (q.next()) {
        const Device *device = q.isNull(0) ? nullptr : m_devices.find(q.integer(0));
        rows->type.push_back(device ? device->type : 0);
        rows->store.push_back(device ? device->slot : m_t.unknownDeviceSlot());
        rows->pair.push_back(pairOf(q.bytes(1), q.bytes(2), q.integer(3) == 2));
        rows->amount.push_back(q.real(4));
        if (q.isNull(5) != lastNull || q.bytes(5) != lastStatus) {
            lastNull = q.isNull(5);
            lastStatusIndex = kNoStatus;
            if (!lastNull && !statusOf(q.bytes(5), &lastStatusIndex))
                return false;
            lastStatus = q.bytes(5);
        }
        rows->status.push_back(lastStatusIndex);
        rows->created.push_back(q.time(6));
        rows->happened.push_back(q.time(7));
    }
    return true;
}

// Growing by doubling would leave up to half of every column unused at 10M rows (hundreds of
// MB at the load's peak); counting first costs one pass over the table's pages, no decoding.
void Assembler::reserve(RawRows *rows)
{
    Query count(m_db, m_root, "snapshot/count_stg_transactions.sql");
    const std::size_t n = count.ok(m_error) && count.next() ? std::size_t(std::max<qint64>(0, count.integer(0))) : 0;
    rows->status.reserve(n);
    rows->type.reserve(n);
    rows->store.reserve(n);
    rows->pair.reserve(n);
    rows->amount.reserve(n);
    rows->happened.reserve(n);
    rows->created.reserve(n);
}

/** Returns old index → new index after sorting @p names bytewise into @p sorted. */
std::vector<qint32> sortedDictionary(const StringIndex &names, std::vector<QByteArray> *sorted)
{
    std::vector<qint32> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = qint32(i);
    std::sort(order.begin(), order.end(), [&names](qint32 a, qint32 b) { return names.key(a) < names.key(b); });
    std::vector<qint32> remap(order.size());
    sorted->reserve(sorted->size() + order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        remap[std::size_t(order[i])] = qint32(i);
        const std::string_view key = names.key(order[i]);
        sorted->push_back(QByteArray(key.data(), qsizetype(key.size())));
    }
    return remap;
}

void Assembler::sortDictionaries()
{
    const std::vector<qint32> skuRemap = sortedDictionary(m_skus, &m_t.skus);
    const std::vector<qint32> nameRemap = sortedDictionary(m_names, &m_t.productNames);
    std::vector<char> lossy(m_t.skuLossy.size());
    for (std::size_t i = 0; i < skuRemap.size(); ++i)
        lossy[std::size_t(skuRemap[i])] = m_t.skuLossy[i];
    m_t.skuLossy = std::move(lossy);
    for (qint32 &sku : m_t.pairSku)
        sku = skuRemap[std::size_t(sku)];
    for (qint32 &name : m_t.pairName)
        name = nameRemap[std::size_t(name)];
}

/** @p source permuted by @p order; the source is freed so only one copy of a column lives. */
template<typename T>
std::vector<T> gathered(std::vector<T> &source, const std::vector<quint32> &order)
{
    std::vector<T> out(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        out[i] = source[order[i]];
    release(source);
    return out;
}

void Assembler::sortRows(RawRows &rows)
{
    const std::size_t n = rows.amount.size();
    // Sorting (time, row) pairs in one contiguous array is several times faster than sorting
    // row numbers through a comparator that looks the times up. Rows were read in id order,
    // so the row number breaks time ties by id.
    std::vector<std::pair<qint64, quint32>> keys(n);
    for (std::size_t i = 0; i < n; ++i)
        keys[i] = {rows.happened[i], quint32(i)};
    std::sort(keys.begin(), keys.end());
    std::vector<quint32> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = keys[i].second;
    release(keys);
    m_t.status = gathered(rows.status, order);
    m_t.deviceType = gathered(rows.type, order);
    m_t.store = gathered(rows.store, order);
    m_t.pair = gathered(rows.pair, order);
    m_t.amount = gathered(rows.amount, order);
    m_t.idRank = std::move(order);
    m_t.happenedAt = gathered(rows.happened, m_t.idRank);
    m_t.createdAt = gathered(rows.created, m_t.idRank);
    m_t.happenedKnown = std::size_t(std::lower_bound(m_t.happenedAt.begin(), m_t.happenedAt.end(), kNoTime)
                                    - m_t.happenedAt.begin());
    bool first = true;
    for (std::size_t i = 0; i < m_t.happenedKnown; ++i) {
        if (m_t.createdAt[i] == kNoTime)
            continue;
        const qint64 lag = m_t.createdAt[i] - m_t.happenedAt[i];
        m_t.minLag = first ? lag : std::min(m_t.minLag, lag);
        m_t.maxLag = first ? lag : std::max(m_t.maxLag, lag);
        first = false;
    }
}

void Assembler::precompute(bool aggregates)
{
    for (int column = 0; column < 2; ++column) {
        const auto &times = column == int(TimeColumn::CreatedAt) ? m_t.createdAt : m_t.happenedAt;
        for (qint64 ts : times) {
            if (ts == kNoTime)
                continue;
            m_t.minTime[std::size_t(column)] = std::min(m_t.minTime[std::size_t(column)], ts);
            m_t.maxTime[std::size_t(column)] = m_t.maxTime[std::size_t(column)] == kNoTime
                ? ts : std::max(m_t.maxTime[std::size_t(column)], ts);
        }
        if (aggregates && column == int(TimeColumn::HappenedAt))
            m_t.perStatus(TimeColumn::HappenedAt); // what the filter domain reads; created_at on first use
    }
}

} // namespace detail

std::shared_ptr<const ColumnarTable> ColumnarTable::load(sqlite3 *db, Error *error, bool aggregates, const QString &sqlRoot)
{
    auto table = std::make_shared<ColumnarTable>();
    detail::Assembler assembler(detail::ModelSource{db, {}}, *table, error, sqlRoot);
    if (!assembler.run(aggregates))
        return nullptr;
    return table;
}

std::shared_ptr<const ColumnarTable> ColumnarTable::load(const QSqlDatabase &server, Error *error, const QString &sqlRoot)
{
    auto table = std::make_shared<ColumnarTable>();
    detail::Assembler assembler(detail::ModelSource{nullptr, server}, *table, error, sqlRoot);
    if (!assembler.run(true))
        return nullptr;
    return table;
}

} // namespace cpm::columnar
