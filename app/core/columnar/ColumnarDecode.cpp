// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted snapshot's payload, read back and checked: see ColumnarPayloadFormat.h.
#include "columnar/ColumnarCodec.h"
#include "columnar/ColumnarMerge.h"
#include "columnar/ColumnarPayloadFormat.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarScan.h"
#include "columnar/ColumnarTable.h"

#include <cstring>
#include <string_view>
#include <unordered_map>
#include <future>
#include <limits>
#include <numeric>

namespace cpm::columnar::persist {

using codec::Reader;
using detail::mergeLaterRows;
using detail::reserveRows;
using namespace format;

namespace {

/** The next length-prefixed string's bytes, without copying them (empty when damaged). */
std::string_view readView(Reader &in)
{
    const std::size_t size = in.count(in.left());
    const char *p = in.take(size);
    return p ? std::string_view(p, size) : std::string_view();
}

QString readString(Reader &in)
{
    const std::string_view bytes = readView(in);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

/**
 * The stores' strings, one QString per distinct text: typologies, countries and customers
 * repeat across thousands of stores, and converting each copy again was a tenth of a cold
 * `cpm-cli metrics` at 1M rows. The views point into the payload, alive while it decodes.
 */
class SharedStrings
{
public:
    /** Reads a string as readString() does, or only steps over it (no allocation) unless @p keep. */
    QString read(Reader &in, bool keep)
    {
        const std::string_view bytes = readView(in);
        if (!keep)
            return QString();
        const auto [it, added] = m_seen.try_emplace(bytes);
        if (added)
            it->second = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
        return it->second;
    }

private:
    std::unordered_map<std::string_view, QString> m_seen;
};

/**
 * The dictionaries of a payload. With @p storesToo false, the stores, groups, customers and
 * device types are stepped over, not kept: what the import appending a delta needs.
 */
bool readProducts(Reader &in, ColumnarTable &t);
bool readDimensions(Reader &in, ColumnarTable &t, bool storesToo = true)
{
    for (std::size_t n = in.count(250); n > 0; --n)
        t.statuses << readString(in);
    for (std::size_t n = in.count(255); n > 0; --n) {
        const bool known = in.u8() != 0;
        const qint64 type = in.svarint();
        if (storesToo)
            t.deviceTypes.push_back(known ? std::optional<qint64>(type) : std::nullopt);
    }
    std::size_t customers = 0, groups = 0; // the stores' indices are checked against them
    SharedStrings strings;
    for (std::size_t n = in.count(in.left()); n > 0 && in.ok(); --n, ++customers) {
        QString customer = strings.read(in, storesToo);
        if (storesToo)
            t.customers << customer;
    }
    for (std::size_t n = in.count(in.left()); n > 0 && in.ok(); --n, ++groups) {
        StoreGroup g;
        g.typology = strings.read(in, storesToo);
        g.country = strings.read(in, storesToo);
        g.stores = in.svarint();
        if (storesToo)
            t.groups.push_back(std::move(g));
    }
    const std::size_t stores = in.count(in.left());
    if (storesToo)
        t.stores.reserve(stores);
    for (std::size_t n = stores; n > 0 && in.ok(); --n) {
        Store s;
        s.id = in.svarint();
        // A store's name is its own; the rest repeat from store to store.
        s.name = storesToo ? readString(in) : (readView(in), QString());
        for (QString *text : {&s.typology, &s.country, &s.customer})
            *text = strings.read(in, storesToo);
        const bool hasCreated = in.u8() != 0;
        const qint64 created = in.svarint();
        if (hasCreated)
            s.createdAt = created;
        s.group = int(in.count(groups == 0 ? 0 : groups - 1));
        s.customerIndex = int(in.count(customers == 0 ? 0 : customers - 1));
        if (storesToo)
            t.stores.push_back(std::move(s));
    }
    return readProducts(in, t);
}

bool readProducts(Reader &in, ColumnarTable &t)
{
    for (auto *dictionary : {&t.skus, &t.productNames}) {
        for (std::size_t n = in.count(in.left()); n > 0 && in.ok(); --n)
            dictionary->push_back(in.bytes());
    }
    const char *lossy = in.take(t.skus.size());
    if (lossy)
        t.skuLossy.assign(lossy, lossy + t.skus.size());
    const std::size_t pairs = in.count(kMaxRows);
    return codec::readColumn(in, pairs, 0, qint64(t.skus.size()) - 1, &t.pairSku)
        && codec::readColumn(in, pairs, 0, qint64(t.productNames.size()) - 1, &t.pairName) && in.ok();
}

bool readAmounts(Reader &in, std::size_t n, ColumnarTable &t)
{
    const quint8 mode = in.u8();
    if (mode == kAmountDoubles) {
        const char *p = n <= in.left() / sizeof(double) ? in.take(n * sizeof(double)) : nullptr;
        if (!p)
            return in.fail(), false;
        reserveHugePages(t.amount, n);
        t.amount.resize(n);
        std::memcpy(t.amount.data(), p, n * sizeof(double));
        return true;
    }
    std::vector<double> values;
    for (std::size_t count = mode == kAmountDictionary ? in.count(kMaxAmountDictionary) : 0; count > 0; --count)
        values.push_back(in.f64());
    std::vector<qint64> ints;
    if (mode == kAmountDictionary ? !codec::readColumn(in, n, 0, qint64(values.size()) - 1, &ints)
                                  : (mode != kAmountCents || !codec::readInts(in, n, &ints)))
        return in.fail(), false;
    reserveHugePages(t.amount, n);
    t.amount.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        t.amount[i] = mode == kAmountDictionary ? values[std::size_t(ints[i])] : double(ints[i]) / 100.0;
    return true;
}

bool readTimes(Reader in, std::size_t n, ColumnarTable &t)
{
    const qint64 maxInt = std::numeric_limits<qint64>::max(), minInt = std::numeric_limits<qint64>::min();
    std::vector<qint64> lag;
    if (!codec::readColumn(in, n, 0, qint64(n) - 1, &t.idRank) || !codec::readColumn(in, n, minInt, maxInt, &t.happenedAt)
        || !codec::readInts(in, n, &lag) || !in.atEnd())
        return false;
    reserveHugePages(t.createdAt, n);
    t.createdAt.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        t.createdAt[i] = qint64(quint64(lag[i]) + (i < t.happenedKnown ? quint64(t.happenedAt[i]) : 0));
    return true;
}

/** The code columns of @p t, checked against the dictionaries of @p dims. */
bool readCodes(Reader in, std::size_t n, const ColumnarTable &dims, ColumnarTable &t)
{
    const qint64 maxSlot = qint64(dims.stores.size()) + 1; // unknownStoreSlot()
    if (!codec::readColumn(in, n, 0, 255, &t.status) || !codec::readColumn(in, n, 0, qint64(dims.deviceTypes.size()) - 1, &t.deviceType)
        || !codec::readColumn(in, n, 0, maxSlot, &t.store) || !codec::readColumn(in, n, 0, qint64(dims.pairSku.size()) - 1, &t.pair))
        return false;
    for (const quint8 s : t.status) {
        if (s != 255 && s >= dims.statuses.size())
            return false;
    }
    return readAmounts(in, n, t) && in.atEnd();
}

/** The rows of @p t (reserving @p capacity rows first), checked against @p dims. */
bool readRows(Reader &in, const ColumnarTable &dims, ColumnarTable &t, std::size_t capacity = 0)
{
    const std::size_t n = in.count(kMaxRows);
    t.happenedKnown = in.count(n);
    const Reader codes = in.block();
    const Reader times = in.block();
    if (!in.ok())
        return false;
    if (capacity > n)
        reserveRows(t, capacity);
    // The two blocks fill disjoint members of the table.
    auto timesOk = std::async(std::launch::async, [&] { return readTimes(times, n, t); });
    const bool codesOk = readCodes(codes, n, dims, t);
    return timesOk.get() && codesOk;
}

bool readBounds(Reader &in, ColumnarTable &t)
{
    t.minLag = in.svarint();
    t.maxLag = in.svarint();
    for (int c = 0; c < 2; ++c) {
        t.minTime[std::size_t(c)] = in.svarint();
        t.maxTime[std::size_t(c)] = in.svarint();
    }
    return in.ok() && in.atEnd();
}

} // namespace

std::shared_ptr<const ColumnarTable> decode(const std::string &payload, bool aggregates)
{
    auto t = std::make_shared<ColumnarTable>();
    Reader in(payload.data(), payload.size());
    const QByteArray dimensions = qUncompress(in.bytes());
    Reader dims(dimensions.constData(), std::size_t(dimensions.size()));
    if (!in.ok() || !readDimensions(dims, *t) || !dims.atEnd() || !readRows(in, *t, *t) || !readBounds(in, *t))
        return nullptr;
    if (aggregates)
        t->perStatus(TimeColumn::HappenedAt); // what the filter domain reads; created_at's on first use
    return t;
}

std::shared_ptr<const ColumnarTable> decodeDimensions(const char *data, std::size_t size, quint64 *rows)
{
    auto t = std::make_shared<ColumnarTable>();
    Reader in(data, size);
    const QByteArray compressed = in.bytes();
    if (!in.ok())
        return nullptr;
    const QByteArray dimensions = qUncompress(compressed);
    Reader dims(dimensions.constData(), std::size_t(dimensions.size()));
    *rows = in.count(kMaxRows);
    if (!in.ok() || !readDimensions(dims, *t, false) || !dims.atEnd())
        return nullptr;
    return t;
}

quint64 rowCount(std::string_view payload)
{
    Reader in(payload.data(), payload.size());
    in.bytes();
    return in.count(kMaxRows);
}

std::shared_ptr<const ColumnarTable> decodeSegments(const std::vector<std::string> &segments, bool aggregates)
{
    if (segments.size() == 1)
        return decode(segments.front(), aggregates);
    if (segments.empty())
        return nullptr;
    // The stores and device types are the base's (an append never changes them); the newest
    // delta's statuses and products extend every older segment's (the codes of older rows
    // keep their meaning), so they are the table's.
    auto t = std::make_shared<ColumnarTable>();
    ColumnarTable newest;
    for (auto [segment, table] : {std::pair{&segments.front(), t.get()}, std::pair{&segments.back(), &newest}}) {
        Reader in(segment->data(), segment->size());
        const QByteArray dimensions = qUncompress(in.bytes());
        Reader dims(dimensions.constData(), std::size_t(dimensions.size()));
        if (!in.ok() || !readDimensions(dims, *table, table == t.get()) || !dims.atEnd())
            return nullptr;
    }
    t->statuses = std::move(newest.statuses);
    t->skus = std::move(newest.skus);
    t->productNames = std::move(newest.productNames);
    t->skuLossy = std::move(newest.skuLossy);
    t->pairSku = std::move(newest.pairSku);
    t->pairName = std::move(newest.pairName);
    std::vector<std::size_t> rows;
    for (const std::string &segment : segments) {
        Reader in(segment.data(), segment.size());
        in.bytes();
        rows.push_back(in.count(kMaxRows));
        if (!in.ok())
            return nullptr;
    }
    const std::size_t all = std::accumulate(rows.begin(), rows.end(), std::size_t(0));
    if (all > kMaxRows)
        return nullptr;
    std::unique_ptr<ColumnarTable> later; // the rows of every delta, merged before they meet the base's
    for (std::size_t s = 0, before = 0; s < segments.size(); before += rows[s++]) {
        Reader in(segments[s].data(), segments[s].size());
        in.bytes();
        auto delta = std::make_unique<ColumnarTable>();
        ColumnarTable &target = s == 0 ? *t : *delta;
        if (!readRows(in, *t, target, s == 0 ? all : 0) || !readBounds(in, target))
            return nullptr;
        if (s == 0)
            continue;
        // A delta's rows all have both times (ColumnarBuilder) and come after every older id.
        if (delta->happenedKnown != delta->rowCount())
            return nullptr;
        for (quint32 &rank : delta->idRank)
            rank += quint32(before);
        if (later)
            mergeLaterRows(*later, *delta);
        else
            later = std::move(delta);
    }
    mergeLaterRows(*t, *later);
    if (aggregates)
        t->perStatus(TimeColumn::HappenedAt);
    return t;
}

} // namespace cpm::columnar::persist