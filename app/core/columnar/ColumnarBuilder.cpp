// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot from the importer's own rows, held compactly (29 bytes a row) and encoded
// straight from them through the sort order, so a 10M import never holds a second copy of
// the rows: the happened_at column becomes the sort keys in place, and each column is freed
// once written. The bytes are the rebuild's (ColumnarLoad.cpp), which the tests compare.
#include "columnar/ColumnarBuilder.h"

#include "columnar/ColumnarAssembler.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/HugePages.h"

#include <algorithm>
#include <limits>

namespace cpm::columnar {

struct ColumnarBuilder::Impl
{
    Impl(sqlite3 *handle, QString sqlRoot) : db(handle), root(std::move(sqlRoot)) {}

    qint32 deviceSlot(qint64 id);
    void prepare(const std::atomic<bool> *stop);
    void encodeCodes(const std::atomic<bool> *stop);
    void encodeTimes(const std::atomic<bool> *stop);
    bool encode(std::vector<std::string> *out);
    void writeMerged(persist::PayloadWriter &writer, const quint64 *keys, int bits, qint64 base,
                     const std::vector<quint8> &types, const std::vector<qint32> &storeSlots);
    void bounds(ColumnarTable &t) const;
    /** Turns happened into sort keys ((time − min) << bits | row) in place; false if too wide. */
    bool sortKeys(int *bits, qint64 *base);

    sqlite3 *db;
    QString root; ///< where the dimensions' reads are (snapshot/ files)
    bool valid = false;
    bool delta = false; ///< the payload is a delta (resetDelta)
    qint64 lastId = 0;
    Error error;
    std::unique_ptr<ColumnarTable> table; ///< dimensions only
    std::unique_ptr<detail::Assembler> assembler;
    std::shared_ptr<const ColumnarTable> base; ///< appending: the rows before this import
    // Rows in id order.
    std::vector<quint8> status;
    std::vector<qint32> pair, device, lag; ///< device: index into deviceIds; lag: created − happened
    std::vector<double> amount;
    std::vector<qint64> happened;
    std::vector<qint64> deviceIds;
    std::vector<qint32> denseDeviceIndex; ///< by device id (-1: not seen), while ids are dense
    std::unordered_map<qint64, qint32> deviceIndex; ///< the other ids
    std::string lastStatus;
    quint8 lastStatusIndex = detail::kNoStatus;
    bool dimensionsLoaded = false;
    // Left by prepare() for encode(), and only ever written by it (it may run on another
    // thread than loadDimensions()): the bounds, the sort keys (in happened) and, for a new
    // table, each row's device in time order and the other columns, already encoded.
    bool prepared = false;
    bool abandoned = false;
    bool keysFit = true;
    ColumnarTable rowBounds; ///< only its lag and time bounds
    int rowBits = 0;        ///< the sort keys' low bits: the row number
    qint64 keyTimeBase = 0; ///< the sort keys' high bits: happened_at minus this
    std::size_t rows = 0;
    std::vector<quint32> order; ///< row numbers in time order, while the codes are encoded
    std::vector<qint32> sortedDevice;
    persist::PayloadWriter statusColumn, pairAndAmounts, times;
};

ColumnarBuilder::ColumnarBuilder(sqlite3 *db, const QString &sqlRoot) : d(std::make_unique<Impl>(db, sqlRoot)) {}

ColumnarBuilder::~ColumnarBuilder() = default;

void ColumnarBuilder::reset()
{
    d = std::make_unique<Impl>(d->db, d->root);
    d->table = std::make_unique<ColumnarTable>();
    d->assembler = std::make_unique<detail::Assembler>(detail::ModelSource{d->db, {}}, *d->table, &d->error, d->root);
    d->valid = true;
}

void ColumnarBuilder::resetAppend(std::shared_ptr<const ColumnarTable> base, qint64 lastId)
{
    reset();
    // The rebuild numbers pairs and statuses in id order: the base's come first, as they are.
    for (std::size_t p = 0; p < base->pairSku.size(); ++p) {
        const QByteArray &sku = base->skus[std::size_t(base->pairSku[p])];
        const QByteArray &name = base->productNames[std::size_t(base->pairName[p])];
        d->assembler->pairOf(std::string_view(sku.constData(), std::size_t(sku.size())),
                             std::string_view(name.constData(), std::size_t(name.size())),
                             base->skuLossy[std::size_t(base->pairSku[p])] != 0);
    }
    for (const QString &status : base->statuses) {
        quint8 ignored = 0;
        const QByteArray bytes = status.toUtf8();
        d->assembler->statusOf(std::string_view(bytes.constData(), std::size_t(bytes.size())), &ignored);
    }
    d->base = std::move(base);
    d->lastId = lastId;
}

void ColumnarBuilder::resetDelta(std::shared_ptr<const ColumnarTable> dimensions, qint64 lastId)
{
    // A base without rows: the payload is the new rows alone, in the numbering they continue.
    resetAppend(std::move(dimensions), lastId);
    d->delta = true;
}

void ColumnarBuilder::invalidate()
{
    d = std::make_unique<Impl>(d->db, d->root); // frees the rows collected so far
}

bool ColumnarBuilder::valid() const { return d->valid; }

void ColumnarBuilder::reserve(std::size_t rows)
{
    if (!d->valid || rows <= d->amount.capacity())
        return;
    // Filled row by row during the load: huge pages spare the parsing thread one first-touch
    // fault per 4 KiB (290 MB of columns at 10M rows).
    reserveHugePages(d->status, rows);
    reserveHugePages(d->pair, rows);
    reserveHugePages(d->device, rows);
    reserveHugePages(d->lag, rows);
    reserveHugePages(d->amount, rows);
    reserveHugePages(d->happened, rows);
}

void ColumnarBuilder::add(const BuilderRow &row)
{
    if (!d->valid)
        return;
    const bool first = d->amount.empty();
    const qint64 lag = row.createdAt - row.happenedAt;
    // Out of id order (a rebuild sorts them), a lag beyond ±68 years, or past 4G rows: the
    // compact form does not fit; the rebuild from the models still does.
    if (((!first || d->base) && row.id <= d->lastId) || lag < std::numeric_limits<qint32>::min()
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
    d->device.push_back(d->deviceSlot(row.device));
    d->amount.push_back(row.amount);
    d->lag.push_back(qint32(lag));
    d->happened.push_back(row.happenedAt);
}

void ColumnarBuilder::prepare(const std::atomic<bool> *stop)
{
    if (d->valid && !d->prepared)
        d->prepare(stop);
}

bool ColumnarBuilder::loadDimensions(Error *error)
{
    if (!d->valid || d->dimensionsLoaded)
        return true; // nothing to read (payload() fails for an invalid builder)
    // A delta holds neither stores nor device types (the base's stand): device slots suffice.
    d->dimensionsLoaded = d->delta ? d->assembler->loadDeviceSlots() : d->assembler->loadDimensions();
    if (!d->dimensionsLoaded)
        *error = d->error;
    return d->dimensionsLoaded;
}

bool ColumnarBuilder::payload(std::vector<std::string> *out, Error *error)
{
    prepare(nullptr);
    if (d->abandoned)
        d->error = Error::make(Error::Code::Cancelled, QStringLiteral("the snapshot was abandoned"));
    const bool ok = d->valid && !d->abandoned && loadDimensions(error) && d->encode(out);
    if (!ok)
        *error = d->error;
    invalidate();
    return ok;
}

qint32 ColumnarBuilder::Impl::deviceSlot(qint64 id)
{
    // Device ids are small dense numbers in practice: a plain vector indexed by id then, sized
    // in proportion to the devices seen. A hash map's node walk missed the cache on most rows
    // (an eighth of the parse thread's time at 1M rows, by perf).
    const std::size_t dense = denseDeviceIndex.size();
    if (id >= 0 && std::size_t(id) >= dense && id < 4 * qint64(deviceIds.size()) + 65536)
        denseDeviceIndex.resize(std::size_t(id) + 1 + dense / 2, -1);
    if (id >= 0 && std::size_t(id) < denseDeviceIndex.size()) {
        qint32 &slot = denseDeviceIndex[std::size_t(id)];
        if (slot < 0) {
            slot = qint32(deviceIds.size());
            deviceIds.push_back(id);
        }
        return slot;
    }
    // try_emplace builds no node when the device is known (emplace would, every row).
    const auto [known, added] = deviceIndex.try_emplace(id, qint32(deviceIds.size()));
    if (added)
        deviceIds.push_back(id);
    return known->second;
}

bool ColumnarBuilder::Impl::sortKeys(int *bits, qint64 *timeBase)
{
    const std::size_t n = happened.size();
    if (n == 0)
        return true;
    const auto [lo, hi] = std::minmax_element(happened.begin(), happened.end());
    *timeBase = *lo;
    *bits = 1;
    while (*bits < 32 && (quint64(1) << *bits) < n)
        ++*bits;
    if (quint64(*hi) - quint64(*lo) >= (quint64(1) << (64 - *bits)))
        return false;
    // Rows are in id order, so the row number in the low bits breaks time ties by id.
    for (std::size_t i = 0; i < n; ++i)
        happened[i] = qint64(((quint64(happened[i]) - quint64(*timeBase)) << *bits) | i);
    std::sort(reinterpret_cast<quint64 *>(happened.data()), reinterpret_cast<quint64 *>(happened.data()) + n);
    return true;
}

void ColumnarBuilder::Impl::bounds(ColumnarTable &t) const
{
    // As the rebuild computes them over all rows (order does not matter): the base's own,
    // widened by the new rows.
    const std::size_t n = amount.size();
    if (base) {
        t.minLag = base->minLag;
        t.maxLag = base->maxLag;
        t.minTime = base->minTime;
        t.maxTime = base->maxTime;
    }
    const bool anyLag = base && base->happenedKnown > 0
        && std::any_of(base->createdAt.begin(), base->createdAt.begin() + std::ptrdiff_t(base->happenedKnown),
                       [](qint64 c) { return c != kNoTime; });
    for (std::size_t i = 0; i < n; ++i) {
        const qint64 h = happened[i], c = h + lag[i];
        const bool firstLag = i == 0 && !anyLag;
        t.minLag = firstLag ? lag[i] : std::min<qint64>(t.minLag, lag[i]);
        t.maxLag = firstLag ? lag[i] : std::max<qint64>(t.maxLag, lag[i]);
        for (const auto &[column, ts] : {std::pair{TimeColumn::HappenedAt, h}, std::pair{TimeColumn::CreatedAt, c}}) {
            qint64 &lo = t.minTime[std::size_t(column)], &hi = t.maxTime[std::size_t(column)];
            lo = std::min(lo, ts);
            hi = hi == kNoTime ? ts : std::max(hi, ts);
        }
    }
}

void ColumnarBuilder::Impl::prepare(const std::atomic<bool> *stop)
{
    prepared = true;
    rows = amount.size();
    bounds(rowBounds);
    keysFit = sortKeys(&rowBits, &keyTimeBase);
    if (keysFit && !base) {
        // Each column is freed once written: the codes first (the order from the keys), then
        // the times (from the keys themselves), so the rows are never held twice. Not on two
        // threads: the times' output would then grow while all the codes' inputs are held
        // (50 MB more at 10M rows), and the refresh keeps the other core busy meanwhile.
        const quint64 *keys = reinterpret_cast<const quint64 *>(happened.data());
        const quint64 mask = (quint64(1) << rowBits) - 1;
        reserveHugePages(order, rows);
        order.resize(rows);
        for (std::size_t i = 0; i < rows; ++i)
            order[i] = quint32(keys[i] & mask);
        encodeCodes(stop);
        encodeTimes(stop);
    }
    abandoned = stop && stop->load();
}

void ColumnarBuilder::Impl::encodeCodes(const std::atomic<bool> *stop)
{
    const std::size_t n = rows;
    // Gathered once into sorted order, then encoded: the codec reads each column twice
    // (to choose the encoding, then to write it), sequentially rather than through the order.
    {
        std::vector<quint8> small;
        reserveHugePages(small, n);
        small.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            small[i] = status[order[i]];
        detail::release(status);
        statusColumn.codes(small);
    }
    // A device's type and store slot come from the refreshed models: encode() writes them.
    reserveHugePages(sortedDevice, n);
    sortedDevice.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        sortedDevice[i] = device[order[i]];
    detail::release(device);
    if (stop && stop->load())
        return;
    {
        std::vector<qint32> wide;
        reserveHugePages(wide, n);
        wide.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            wide[i] = pair[order[i]];
        detail::release(pair);
        pairAndAmounts.codes(wide);
    }
    if (stop && stop->load())
        return;
    pairAndAmounts.amounts(amount.data(), order.data(), n);
    detail::release(amount);
    detail::release(order);
}

void ColumnarBuilder::Impl::encodeTimes(const std::atomic<bool> *stop)
{
    const std::size_t n = rows;
    const quint64 *keys = reinterpret_cast<const quint64 *>(happened.data());
    const quint64 mask = (quint64(1) << rowBits) - 1;
    const qint64 base0 = keyTimeBase;
    const int shift = rowBits;
    times.timesAt(n, [&](std::size_t i) { return qint64(keys[i] & mask); }); // the id rank
    if (stop && stop->load())
        return;
    times.timesAt(n, [&](std::size_t i) { return qint64(quint64(base0) + (keys[i] >> shift)); });
    if (stop && stop->load())
        return;
    times.timesAt(n, [&](std::size_t i) { return qint64(lag[keys[i] & mask]); });
    detail::release(happened);
    detail::release(lag);
}

bool ColumnarBuilder::Impl::encode(std::vector<std::string> *out)
{
    if (!keysFit) {
        error = Error::make(Error::Code::Database, QStringLiteral("timestamps span too wide a range"));
        return false;
    }
    ColumnarTable &t = *table;
    const std::size_t n = rows;
    assembler->sortDictionaries();
    t.minLag = rowBounds.minLag;
    t.maxLag = rowBounds.maxLag;
    t.minTime = rowBounds.minTime;
    t.maxTime = rowBounds.maxTime;
    // Per distinct device, its type and store slot from the refreshed models.
    std::vector<quint8> types(deviceIds.size(), 0);
    std::vector<qint32> storeSlots(deviceIds.size(), t.unknownDeviceSlot());
    for (std::size_t k = 0; k < deviceIds.size(); ++k) {
        if (const detail::Device *known = assembler->device(deviceIds[k])) {
            types[k] = known->type;
            storeSlots[k] = known->slot;
        }
    }
    if (base) {
        const quint64 *keys = reinterpret_cast<const quint64 *>(happened.data());
        persist::PayloadWriter writer(t, base->rowCount() + n, base->happenedKnown + n, delta);
        writeMerged(writer, keys, rowBits, keyTimeBase, types, storeSlots);
        *out = writer.finishPieces(t);
        return true;
    }
    persist::PayloadWriter writer(t, n, n);
    writer.append(std::move(statusColumn));
    writer.codesAt(n, [&](std::size_t i) { return qint64(types[std::size_t(sortedDevice[i])]); });
    writer.codesAt(n, [&](std::size_t i) { return qint64(storeSlots[std::size_t(sortedDevice[i])]); });
    detail::release(sortedDevice);
    writer.append(std::move(pairAndAmounts));
    writer.append(std::move(times));
    *out = writer.finishPieces(t);
    return true;
}

void ColumnarBuilder::Impl::writeMerged(persist::PayloadWriter &writer, const quint64 *keys, int bits, qint64 base0,
                                        const std::vector<quint8> &types, const std::vector<qint32> &storeSlots)
{
    const ColumnarTable &b = *base;
    const std::size_t baseRows = b.rowCount(), n = amount.size(), all = baseRows + n;
    const quint64 mask = (quint64(1) << bits) - 1;
    auto newTime = [&](std::size_t j) { return qint64(quint64(base0) + (keys[j] >> bits)); };
    // Both runs are in (happened_at, id rank) order and every new rank is above the base's,
    // so a time tie takes the base row first. Base rows without a time stay last.
    constexpr quint32 kNew = quint32(1) << 31;
    std::vector<quint32> who(all);
    for (std::size_t i = 0, x = 0, j = 0; i < all; ++i) {
        const bool takeNew = j < n && (x == baseRows || newTime(j) < b.happenedAt[x]);
        who[i] = takeNew ? kNew | quint32(j++) : quint32(x++);
    }
    auto row = [&](std::size_t i) { return std::size_t(keys[who[i] & ~kNew] & mask); }; // new rows only
    auto isNew = [&](std::size_t i) { return (who[i] & kNew) != 0; };
    writer.timesAt(all, [&](std::size_t i) { return isNew(i) ? qint64(baseRows + row(i)) : qint64(b.idRank[who[i]]); });
    writer.timesAt(all, [&](std::size_t i) { return isNew(i) ? newTime(who[i] & ~kNew) : b.happenedAt[who[i]]; });
    writer.timesAt(all, [&](std::size_t i) {
        if (isNew(i))
            return qint64(lag[row(i)]);
        const std::size_t x = who[i];
        return qint64(quint64(b.createdAt[x]) - (x < b.happenedKnown ? quint64(b.happenedAt[x]) : 0));
    });
    writer.codesAt(all, [&](std::size_t i) { return isNew(i) ? qint64(status[row(i)]) : qint64(b.status[who[i]]); });
    writer.codesAt(all, [&](std::size_t i) {
        return isNew(i) ? qint64(types[std::size_t(device[row(i)])]) : qint64(b.deviceType[who[i]]);
    });
    writer.codesAt(all, [&](std::size_t i) {
        return isNew(i) ? qint64(storeSlots[std::size_t(device[row(i)])]) : qint64(b.store[who[i]]);
    });
    writer.codesAt(all, [&](std::size_t i) { return isNew(i) ? qint64(pair[row(i)]) : qint64(b.pair[who[i]]); });
    std::vector<double> merged(all);
    for (std::size_t i = 0; i < all; ++i)
        merged[i] = isNew(i) ? amount[row(i)] : b.amount[who[i]];
    writer.amounts(merged);
}

} // namespace cpm::columnar
