// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot from the importer's own rows, held compactly (29 bytes a row) and encoded
// straight from them through the sort order, so a 10M import never holds a second copy of
// the rows: the happened_at column becomes the sort keys in place, and each column is freed
// once written. The bytes are the rebuild's (ColumnarLoad.cpp), which the tests compare.
#include "columnar/ColumnarBuilder.h"

#include "columnar/ColumnarAssembler.h"
#include "columnar/ColumnarPersist.h"

#include <algorithm>
#include <limits>

namespace cpm::columnar {

struct ColumnarBuilder::Impl
{
    explicit Impl(sqlite3 *handle) : db(handle) {}

    bool encode(std::string *out);
    /** Turns happened into sort keys ((time − min) << bits | row) in place; false if too wide. */
    bool sortKeys(int *bits, qint64 *base);

    sqlite3 *db;
    bool valid = false;
    qint64 lastId = 0;
    Error error;
    std::unique_ptr<ColumnarTable> table; ///< dimensions only
    std::unique_ptr<detail::Assembler> assembler;
    // Rows in id order.
    std::vector<quint8> status;
    std::vector<qint32> pair, device, lag; ///< device: index into deviceIds; lag: created − happened
    std::vector<double> amount;
    std::vector<qint64> happened;
    std::vector<qint64> deviceIds;
    std::unordered_map<qint64, qint32> deviceIndex;
    std::string lastStatus;
    quint8 lastStatusIndex = detail::kNoStatus;
};

ColumnarBuilder::ColumnarBuilder(sqlite3 *db) : d(std::make_unique<Impl>(db)) {}

ColumnarBuilder::~ColumnarBuilder() = default;

void ColumnarBuilder::reset()
{
    sqlite3 *db = d->db;
    d = std::make_unique<Impl>(db);
    d->table = std::make_unique<ColumnarTable>();
    d->assembler = std::make_unique<detail::Assembler>(db, *d->table, &d->error);
    d->valid = true;
}

void ColumnarBuilder::invalidate()
{
    sqlite3 *db = d->db;
    d = std::make_unique<Impl>(db); // frees the rows collected so far
}

bool ColumnarBuilder::valid() const { return d->valid; }

void ColumnarBuilder::reserve(std::size_t rows)
{
    if (!d->valid || rows <= d->amount.capacity())
        return;
    d->status.reserve(rows);
    d->pair.reserve(rows);
    d->device.reserve(rows);
    d->lag.reserve(rows);
    d->amount.reserve(rows);
    d->happened.reserve(rows);
}

void ColumnarBuilder::add(const BuilderRow &row)
{
    if (!d->valid)
        return;
    const bool first = d->amount.empty();
    const qint64 lag = row.createdAt - row.happenedAt;
    // Out of id order (a rebuild sorts them), a lag beyond ±68 years, or past 4G rows: the
    // compact form does not fit; the rebuild from the models still does.
    if ((!first && row.id <= d->lastId) || lag < std::numeric_limits<qint32>::min()
        || lag > std::numeric_limits<qint32>::max() || row.happenedAt == kNoTime || row.createdAt == kNoTime
        || d->amount.size() >= std::numeric_limits<quint32>::max())
        return invalidate();
    d->lastId = row.id;
    // The models' staging rules: a blank product name is "(unnamed product)", a missing SKU ''.
    const std::string_view name = row.name.empty() ? std::string_view("(unnamed product)") : row.name;
    d->pair.push_back(d->assembler->pairOf(row.sku, name, row.lossySku));
    // Statuses come in runs of a few distinct values: remember the last one.
    if (first || row.status != d->lastStatus) {
        if (!d->assembler->statusOf(row.status, &d->lastStatusIndex))
            return invalidate(); // over 250 statuses: the rebuild reports it
        d->lastStatus.assign(row.status);
    }
    d->status.push_back(d->lastStatusIndex);
    const auto [device, added] = d->deviceIndex.emplace(row.device, qint32(d->deviceIds.size()));
    if (added)
        d->deviceIds.push_back(row.device);
    d->device.push_back(device->second);
    d->amount.push_back(row.amount);
    d->lag.push_back(qint32(lag));
    d->happened.push_back(row.happenedAt);
}

bool ColumnarBuilder::payload(std::string *out, Error *error)
{
    const bool ok = d->valid && d->assembler->loadDimensions() && d->encode(out);
    if (!ok)
        *error = d->error;
    invalidate();
    return ok;
}

bool ColumnarBuilder::Impl::sortKeys(int *bits, qint64 *base)
{
    const std::size_t n = happened.size();
    if (n == 0)
        return true;
    const auto [lo, hi] = std::minmax_element(happened.begin(), happened.end());
    *base = *lo;
    *bits = 1;
    while (*bits < 32 && (quint64(1) << *bits) < n)
        ++*bits;
    if (quint64(*hi) - quint64(*lo) >= (quint64(1) << (64 - *bits)))
        return false;
    // Rows are in id order, so the row number in the low bits breaks time ties by id.
    for (std::size_t i = 0; i < n; ++i)
        happened[i] = qint64(((quint64(happened[i]) - quint64(*base)) << *bits) | i);
    std::sort(reinterpret_cast<quint64 *>(happened.data()), reinterpret_cast<quint64 *>(happened.data()) + n);
    return true;
}

bool ColumnarBuilder::Impl::encode(std::string *out)
{
    assembler->sortDictionaries();
    ColumnarTable &t = *table;
    const std::size_t n = amount.size();
    // Bounds, as the rebuild computes them over the sorted rows (order does not matter).
    t.happenedKnown = n;
    for (std::size_t i = 0; i < n; ++i) {
        const qint64 h = happened[i], c = h + lag[i];
        t.minLag = i ? std::min<qint64>(t.minLag, lag[i]) : lag[i];
        t.maxLag = i ? std::max<qint64>(t.maxLag, lag[i]) : lag[i];
        for (const auto &[column, ts] : {std::pair{TimeColumn::HappenedAt, h}, std::pair{TimeColumn::CreatedAt, c}}) {
            qint64 &lo = t.minTime[std::size_t(column)], &hi = t.maxTime[std::size_t(column)];
            lo = std::min(lo, ts);
            hi = hi == kNoTime ? ts : std::max(hi, ts);
        }
    }
    int bits = 0;
    qint64 base = 0;
    if (!sortKeys(&bits, &base)) {
        error = Error::make(Error::Code::Database, QStringLiteral("timestamps span too wide a range"));
        return false;
    }
    const quint64 *keys = reinterpret_cast<const quint64 *>(happened.data());
    const quint64 mask = (quint64(1) << bits) - 1;
    persist::PayloadWriter writer(t, n, n);
    writer.timesAt(n, [&](std::size_t i) { return qint64(keys[i] & mask); }); // the id rank
    writer.timesAt(n, [&](std::size_t i) { return qint64(quint64(base) + (keys[i] >> bits)); });
    writer.timesAt(n, [&](std::size_t i) { return qint64(lag[keys[i] & mask]); });
    std::vector<quint32> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = quint32(keys[i] & mask);
    happened = {};
    lag = {};
    // Per distinct device, its type and store slot from the refreshed models.
    std::vector<quint8> types(deviceIds.size(), 0);
    std::vector<qint32> storeSlots(deviceIds.size(), t.unknownDeviceSlot());
    for (std::size_t k = 0; k < deviceIds.size(); ++k) {
        if (const detail::Device *known = assembler->device(deviceIds[k])) {
            types[k] = known->type;
            storeSlots[k] = known->slot;
        }
    }
    writer.codesAt(n, [&](std::size_t i) { return qint64(status[order[i]]); });
    writer.codesAt(n, [&](std::size_t i) { return qint64(types[std::size_t(device[order[i]])]); });
    writer.codesAt(n, [&](std::size_t i) { return qint64(storeSlots[std::size_t(device[order[i]])]); });
    writer.codesAt(n, [&](std::size_t i) { return qint64(pair[order[i]]); });
    status = {};
    device = {};
    pair = {};
    std::vector<double> sortedAmount(n);
    for (std::size_t i = 0; i < n; ++i)
        sortedAmount[i] = amount[order[i]];
    amount = {};
    order = {};
    writer.amounts(sortedAmount);
    sortedAmount = {};
    *out = writer.finish(t);
    return true;
}

} // namespace cpm::columnar
