// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted snapshot's payload: dimensions as length-prefixed UTF-8, row columns through
// the integer codec (bit-packed, delta or plain varints, whichever is smallest). The per-status
// aggregates are not stored: at ~100k stores they would cost more bytes than the rows, and
// recomputing them is one pass over the rows on both cores, for a time column when first asked.
#include "columnar/ColumnarCodec.h"
#include "columnar/ColumnarMerge.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarScan.h"
#include "columnar/ColumnarTable.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <future>
#include <numeric>

namespace cpm::columnar::persist {

using codec::Reader;
using codec::Writer;
using detail::mergeLaterRows;
using detail::reserveRows;

namespace {

constexpr quint8 kAmountDoubles = 0, kAmountCents = 1, kAmountDictionary = 2;
constexpr std::size_t kMaxAmountDictionary = 1 << 16;
constexpr std::size_t kMaxRows = std::numeric_limits<quint32>::max(); // idRank is 32-bit

void writeProducts(Writer &out, const ColumnarTable &t);
void writeString(Writer &out, const QString &s) { out.bytes(s.toUtf8()); }
QString readString(Reader &in) { return QString::fromUtf8(in.bytes()); }
/** Reads a string as readString() does, or only steps over it (no allocation) unless @p keep. */
QString readString(Reader &in, bool keep)
{
    if (keep)
        return readString(in);
    in.take(in.count(in.left()));
    return QString();
}

/**
 * A delta's dictionaries (@p rowDictionariesOnly) leave out the stores, store groups,
 * customers and device types: an append never changes them, and the base holds them.
 */
void writeDimensions(Writer &out, const ColumnarTable &t, bool rowDictionariesOnly = false)
{
    out.varint(t.statuses.size());
    for (const QString &s : t.statuses)
        writeString(out, s);
    if (rowDictionariesOnly) {
        for (int list = 0; list < 4; ++list)
            out.varint(0);
        return writeProducts(out, t);
    }
    out.varint(t.deviceTypes.size());
    for (const auto &type : t.deviceTypes) {
        out.u8(type ? 1 : 0);
        out.svarint(type.value_or(0));
    }
    out.varint(t.customers.size());
    for (const QString &c : t.customers)
        writeString(out, c);
    out.varint(t.groups.size());
    for (const StoreGroup &g : t.groups) {
        writeString(out, g.typology);
        writeString(out, g.country);
        out.svarint(g.stores);
    }
    out.varint(t.stores.size());
    for (const Store &s : t.stores) {
        out.svarint(s.id);
        for (const QString *text : {&s.name, &s.typology, &s.country, &s.customer})
            writeString(out, *text);
        out.u8(s.createdAt ? 1 : 0);
        out.svarint(s.createdAt.value_or(0));
        out.varint(quint64(s.group));
        out.varint(quint64(s.customerIndex));
    }
    writeProducts(out, t);
}

void writeProducts(Writer &out, const ColumnarTable &t)
{
    for (const auto *dictionary : {&t.skus, &t.productNames}) {
        out.varint(dictionary->size());
        for (const QByteArray &b : *dictionary)
            out.bytes(b);
    }
    out.raw(t.skuLossy.data(), t.skuLossy.size());
    out.varint(t.pairSku.size());
    codec::writeColumn(out, t.pairSku);
    codec::writeColumn(out, t.pairName);
}

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
    for (std::size_t n = in.count(in.left()); n > 0 && in.ok(); --n, ++customers) {
        QString customer = readString(in, storesToo);
        if (storesToo)
            t.customers << customer;
    }
    for (std::size_t n = in.count(in.left()); n > 0 && in.ok(); --n, ++groups) {
        StoreGroup g;
        g.typology = readString(in, storesToo);
        g.country = readString(in, storesToo);
        g.stores = in.svarint();
        if (storesToo)
            t.groups.push_back(std::move(g));
    }
    for (std::size_t n = in.count(in.left()); n > 0 && in.ok(); --n) {
        Store s;
        s.id = in.svarint();
        for (QString *text : {&s.name, &s.typology, &s.country, &s.customer})
            *text = readString(in, storesToo);
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

/** The amounts in payload order: @p values read through @p order when there is one. */
struct AmountColumn
{
    const double *values;
    const quint32 *order; ///< null: values are already in order
    std::size_t n;

    double operator()(std::size_t i) const { return values[order ? order[i] : i]; }
};

quint64 bitsOf(double a)
{
    quint64 bits;
    std::memcpy(&bits, &a, sizeof bits); // bitwise, so -0.0 and NaN payloads survive
    return bits;
}

/** Amounts are almost always whole cents: then they are stored as integers, exactly. */
bool allCents(const AmountColumn &amount)
{
    for (std::size_t i = 0; i < amount.n; ++i) {
        const double a = amount(i);
        if (!std::isfinite(a) || std::fabs(a) > 1e13)
            return false;
        const double back = double(std::llround(a * 100.0)) / 100.0;
        if (bitsOf(back) != bitsOf(a)) // bit-exact, so -0.0 and odd values stay doubles
            return false;
    }
    return true;
}

/**
 * Up to kMaxAmountDictionary distinct amounts (their bits), each with its dictionary index,
 * by open addressing in a table twice that size: looking each of 10M amounts up twice in a
 * std::unordered_map (a division per lookup) was most of the time spent encoding them.
 */
class AmountIndex
{
public:
    /** False once there are more than kMaxAmountDictionary distinct amounts. */
    bool add(quint64 bits)
    {
        const std::size_t at = slot(bits);
        if (m_used[at])
            return true;
        if (++m_count > kMaxAmountDictionary)
            return false;
        m_used[at] = 1;
        m_bits[at] = bits;
        return true;
    }
    /** The index of an amount add() has seen. */
    quint16 &index(quint64 bits) { return m_index[slot(bits)]; }
    std::vector<quint64> amounts() const
    {
        std::vector<quint64> out;
        for (std::size_t at = 0; at < kSlots; ++at) {
            if (m_used[at])
                out.push_back(m_bits[at]);
        }
        return out;
    }

private:
    static constexpr int kSlotBits = 17;
    static constexpr std::size_t kSlots = std::size_t(1) << kSlotBits;
    static_assert(kSlots >= 2 * kMaxAmountDictionary, "the table must never fill up");

    /** Where @p bits is, or the free slot where it belongs (Fibonacci hashing, linear probing). */
    std::size_t slot(quint64 bits) const
    {
        std::size_t at = std::size_t((bits * 0x9E3779B97F4A7C15ULL) >> (64 - kSlotBits));
        while (m_used[at] && m_bits[at] != bits)
            at = (at + 1) & (kSlots - 1);
        return at;
    }

    std::size_t m_count = 0;
    std::vector<quint64> m_bits = std::vector<quint64>(kSlots);
    std::vector<quint16> m_index = std::vector<quint16>(kSlots);
    std::vector<char> m_used = std::vector<char>(kSlots);
};

/**
 * Prices repeat (a few hundred distinct amounts in a million generated rows): then a
 * dictionary and bit-packed indices are about half the size of cents as varints. The
 * indices are 16-bit while they are computed: 20 MB at 10M rows rather than 80.
 */
bool amountDictionary(const AmountColumn &amount, std::vector<double> *values, std::vector<quint16> *indices)
{
    AmountIndex seen;
    for (std::size_t i = 0; i < amount.n; ++i) {
        if (!seen.add(bitsOf(amount(i))))
            return false;
    }
    std::vector<quint64> sorted = seen.amounts();
    std::sort(sorted.begin(), sorted.end()); // deterministic bytes for the same data
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        seen.index(sorted[i]) = quint16(i);
        double v;
        std::memcpy(&v, &sorted[i], sizeof v);
        values->push_back(v);
    }
    indices->resize(amount.n);
    for (std::size_t i = 0; i < amount.n; ++i)
        (*indices)[i] = seen.index(bitsOf(amount(i)));
    return true;
}

void writeAmounts(Writer &out, const AmountColumn &amount)
{
    std::vector<double> values;
    std::vector<quint16> indices;
    if (amountDictionary(amount, &values, &indices)) {
        out.u8(kAmountDictionary);
        out.varint(values.size());
        for (const double v : values)
            out.f64(v);
        codec::writeColumn(out, indices);
    } else if (allCents(amount)) {
        out.u8(kAmountCents);
        codec::writeIntsAt(out, amount.n, [&](std::size_t i) { return qint64(std::llround(amount(i) * 100.0)); });
    } else {
        out.u8(kAmountDoubles);
        for (std::size_t i = 0; i < amount.n; ++i) {
            const double a = amount(i);
            out.raw(&a, sizeof a);
        }
    }
}

bool readAmounts(Reader &in, std::size_t n, ColumnarTable &t)
{
    const quint8 mode = in.u8();
    if (mode == kAmountDoubles) {
        const char *p = n <= in.left() / sizeof(double) ? in.take(n * sizeof(double)) : nullptr;
        if (!p)
            return in.fail(), false;
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

PayloadWriter::PayloadWriter(const ColumnarTable &dimensions, std::size_t rows, std::size_t happenedKnown, bool delta)
{
    // Store names, typologies and product names repeat their words: zlib halves them or
    // better, in milliseconds (the rows are already packed and would not compress).
    Writer plain;
    writeDimensions(plain, dimensions, delta);
    const QByteArray packed = qCompress(QByteArray::fromRawData(plain.data().data(), qsizetype(plain.data().size())), 6);
    m_out.bytes(packed);
    m_out.varint(rows);
    m_out.varint(happenedKnown);
}

void PayloadWriter::append(PayloadWriter &&part)
{
    // Each block is its columns' encodings back to back, so appending gives the same bytes
    // as writing all the columns to one writer.
    for (auto [mine, theirs] : {std::pair{&m_codes, &part.m_codes}, std::pair{&m_times, &part.m_times}}) {
        if (mine->data().empty())
            std::swap(*mine, *theirs);
        else
            mine->raw(theirs->data().data(), theirs->data().size());
        *theirs = Writer();
    }
}

void PayloadWriter::amounts(const double *values, const quint32 *order, std::size_t n)
{
    writeAmounts(m_codes, {values, order, n});
}

void PayloadWriter::createdAt(const std::vector<qint64> &created, const std::vector<qint64> &happened, std::size_t happenedKnown)
{
    // created_at as its lag behind happened_at (small); wrapping arithmetic keeps every
    // value, kNoTime included, exact.
    codec::writeIntsAt(m_times, created.size(), [&](std::size_t i) {
        return qint64(quint64(created[i]) - (i < happenedKnown ? quint64(happened[i]) : 0));
    });
}

std::string PayloadWriter::finish(const ColumnarTable &t)
{
    // Two length-prefixed blocks, so the reader decodes them on both cores at once: the
    // dictionary-coded columns, then the id ranks and times (the costlier half to decode).
    // One allocation of the final size: growing by doubling would hold up to twice it.
    m_out.data().reserve(m_out.data().size() + m_codes.data().size() + m_times.data().size() + 64);
    m_out.bytes(m_codes.data().data(), m_codes.data().size());
    m_codes = Writer();
    m_out.bytes(m_times.data().data(), m_times.data().size());
    m_times = Writer();
    m_out.svarint(t.minLag);
    m_out.svarint(t.maxLag);
    for (int c = 0; c < 2; ++c) {
        m_out.svarint(t.minTime[std::size_t(c)]);
        m_out.svarint(t.maxTime[std::size_t(c)]);
    }
    return std::move(m_out.data());
}

std::string encode(const ColumnarTable &t)
{
    PayloadWriter out(t, t.rowCount(), t.happenedKnown);
    out.codes(t.status);
    out.codes(t.deviceType);
    out.codes(t.store);
    out.codes(t.pair);
    out.amounts(t.amount);
    out.times(t.idRank);
    out.times(t.happenedAt);
    out.createdAt(t.createdAt, t.happenedAt, t.happenedKnown);
    return out.finish(t);
}

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
    const QByteArray dimensions = qUncompress(in.bytes());
    Reader dims(dimensions.constData(), std::size_t(dimensions.size()));
    *rows = in.count(kMaxRows);
    if (!in.ok() || !readDimensions(dims, *t, false) || !dims.atEnd())
        return nullptr;
    return t;
}

quint64 rowCount(const std::string &payload)
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
