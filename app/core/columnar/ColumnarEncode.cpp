// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted snapshot's payload, written: see ColumnarPayloadFormat.h for its layout.
#include "columnar/ColumnarCodec.h"
#include "columnar/ColumnarPayloadFormat.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/HugePages.h"
#include "columnar/ColumnarTable.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cpm::columnar::persist {

using codec::Writer;
using namespace format;

namespace {

void writeProducts(Writer &out, const ColumnarTable &t);
void writeString(Writer &out, const QString &s) { out.bytes(s.toUtf8()); }

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

} // namespace

PayloadWriter::PayloadWriter(const ColumnarTable &dimensions, std::size_t rows, std::size_t happenedKnown, bool delta)
{
    // Store names, typologies and product names repeat their words: zlib halves them or
    // better (the rows are already packed and would not compress). Its fastest level: level 6
    // took 40 ms of a wide 1M import's snapshot (50,000 product names) for 10 % fewer bytes.
    Writer plain;
    writeDimensions(plain, dimensions, delta);
    const QByteArray packed = qCompress(QByteArray::fromRawData(plain.data().data(), qsizetype(plain.data().size())), 1);
    m_out.bytes(packed);
    m_out.varint(rows);
    m_out.varint(happenedKnown);
    // Room for the columns up front: grown by doubling, every column was copied again and
    // written into fresh pages (a fifth of storing the snapshot). Untouched room costs no memory.
    reserveHugePages(m_codes.data(), rows * 16 + 64);
    reserveHugePages(m_times.data(), rows * 24 + 64);
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
    std::vector<std::string> pieces = finishPieces(t);
    std::size_t size = 0;
    for (const std::string &piece : pieces)
        size += piece.size();
    std::string out = std::move(pieces.front());
    reserveHugePages(out, size);
    for (std::size_t i = 1; i < pieces.size(); ++i) {
        out += pieces[i];
        std::string().swap(pieces[i]); // freed as it is copied
    }
    return out;
}

std::vector<std::string> PayloadWriter::finishPieces(const ColumnarTable &t)
{
    // Two length-prefixed blocks, so the reader decodes them on both cores at once: the
    // dictionary-coded columns, then the id ranks and times (the costlier half to decode).
    std::vector<std::string> pieces;
    m_out.varint(m_codes.data().size());
    pieces.push_back(std::move(m_out.data()));
    pieces.push_back(std::move(m_codes.data()));
    Writer between, after;
    between.varint(m_times.data().size());
    pieces.push_back(std::move(between.data()));
    pieces.push_back(std::move(m_times.data()));
    after.svarint(t.minLag);
    after.svarint(t.maxLag);
    for (int c = 0; c < 2; ++c) {
        after.svarint(t.minTime[std::size_t(c)]);
        after.svarint(t.maxTime[std::size_t(c)]);
    }
    pieces.push_back(std::move(after.data()));
    m_out = m_codes = m_times = Writer();
    return pieces;
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

} // namespace cpm::columnar::persist
