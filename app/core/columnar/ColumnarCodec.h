// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "columnar/HugePages.h"

#include <QByteArray>
#include <QtEndian>
#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace cpm::columnar::codec {

/**
 * Checksum of the persisted snapshot: FNV-1a taken over 64-bit words instead of bytes, so it
 * runs at memory speed (one multiply per 8 bytes). Every change confined to one word is
 * always detected (xor then multiply by an odd number is a bijection); it guards against
 * damage, not against tampering.
 */
quint64 checksum(const char *data, std::size_t size);

/** checksum() over bytes that arrive in pieces: the same value as over their concatenation. */
class Checksum
{
public:
    void add(const char *data, std::size_t size);
    quint64 value() const;

private:
    quint64 m_hash = 0xcbf29ce484222325ULL;
    std::size_t m_size = 0;
    char m_carry[8] = {};
    std::size_t m_carried = 0; ///< bytes of an unfinished 8-byte word
};

/** Appends little-endian integers, LEB128 varints and length-prefixed strings. */
class Writer
{
public:
    void raw(const void *data, std::size_t size) { m_out.append(static_cast<const char *>(data), size); }
    void u8(quint8 v) { m_out.push_back(char(v)); }
    void u64(quint64 v);
    void varint(quint64 v);
    void svarint(qint64 v) { varint((quint64(v) << 1) ^ quint64(v >> 63)); } // zigzag: small |v|, few bytes
    void f64(double v) { quint64 bits; std::memcpy(&bits, &v, sizeof bits); u64(bits); }
    void bytes(const char *data, std::size_t size) { varint(size); raw(data, size); }
    void bytes(const QByteArray &b) { bytes(b.constData(), std::size_t(b.size())); }

    const std::string &data() const { return m_out; }
    std::string &data() { return m_out; }

private:
    std::string m_out;
};

/**
 * Reads what Writer wrote. Never reads past the end: a short or damaged input makes ok()
 * false and every later read return zero, so decoding garbage cannot crash.
 */
class Reader
{
public:
    Reader(const char *data, std::size_t size) : m_p(data), m_end(data + size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    std::size_t left() const { return std::size_t(m_end - m_p); }
    const char *take(std::size_t size);
    quint8 u8() { const char *p = take(1); return p ? quint8(*p) : 0; }
    int peek() const { return m_ok && m_p != m_end ? quint8(*m_p) : -1; }
    quint64 u64();
    quint64 varint();
    qint64 svarint() { const quint64 z = varint(); return qint64(z >> 1) ^ -qint64(z & 1); }
    double f64() { const quint64 bits = u64(); double v; std::memcpy(&v, &bits, sizeof v); return v; }
    QByteArray bytes();
    /** A count that must not exceed @p limit (else the input is damaged). */
    std::size_t count(std::size_t limit);
    void fail() { m_ok = false; m_p = m_end; }
    /** The next length-prefixed block as a reader of its own (to decode it on another thread). */
    Reader block()
    {
        const std::size_t size = count(left());
        const char *p = take(size);
        Reader inner(p ? p : m_end, p ? size : 0);
        if (!p)
            inner.fail();
        return inner;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

namespace detail {

enum Mode : quint8 { Packed = 0, Delta = 1, Plain = 2, PackedDelta = 3 };

inline quint64 zigzag(quint64 v) { return (v << 1) ^ quint64(qint64(v) >> 63); }

inline std::size_t varintSize(quint64 v)
{
    std::size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

inline int bitWidth(quint64 range)
{
    int width = 0;
    while (width < 64 && (range >> width) != 0)
        ++width;
    return width;
}

/** Appends the values @p at(0..n-1) as @p width-bit offsets from @p base. */
template<typename At>
void writePacked(Writer &out, std::size_t n, At at, qint64 base, int width)
{
    out.u64(quint64(base));
    out.u8(quint8(width));
    if (width == 0)
        return;
    quint64 word = 0;
    int used = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const quint64 v = quint64(at(i)) - quint64(base);
        word |= v << used;
        used += width;
        if (used >= 64) {
            out.u64(word);
            used -= 64;
            // The bits of v that did not fit start the next word.
            word = used == 0 ? 0 : v >> (width - used);
        }
    }
    if (used > 0)
        out.u64(word);
}

} // namespace detail

/**
 * An integer column, stored the cheapest of four ways (measured before writing):
 * bit-packed offsets from the minimum (dictionary indices), bit-packed deltas (sorted times),
 * zigzag varint deltas from the previous value or plain zigzag varints (lags).
 * All arithmetic wraps modulo 2^64, so any value (even kNoTime) survives exactly. Reads
 * the values through @p value(i) in place, whatever their width or derivation: at 10M rows a
 * widened copy would cost 80 MB.
 */
template<typename At>
void writeIntsAt(Writer &out, std::size_t n, At value)
{
    using namespace detail;
    auto delta = [&](std::size_t i) { return qint64(quint64(value(i)) - (i ? quint64(value(i - 1)) : 0)); };
    qint64 lo = n ? value(0) : 0, hi = lo, dlo = n > 1 ? delta(1) : 0, dhi = dlo;
    std::size_t deltaBytes = 0, plainBytes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const qint64 v = value(i), d = delta(i);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        if (i > 0) {
            dlo = std::min(dlo, d);
            dhi = std::max(dhi, d);
        }
        deltaBytes += varintSize(zigzag(quint64(d)));
        plainBytes += varintSize(zigzag(quint64(v)));
    }
    const int width = bitWidth(quint64(hi) - quint64(lo));
    const std::size_t packedBytes = (n * std::size_t(width) + 63) / 64 * 8;
    const int deltaWidth = n > 1 ? bitWidth(quint64(dhi) - quint64(dlo)) : 64;
    const std::size_t packedDeltaBytes = 9 + (n * std::size_t(deltaWidth) + 63) / 64 * 8;
    if (packedDeltaBytes < std::min({packedBytes, deltaBytes, plainBytes})) {
        out.u8(PackedDelta);
        out.u64(quint64(value(0)));
        writePacked(out, n - 1, [&](std::size_t i) { return delta(i + 1); }, dlo, deltaWidth);
        return;
    }
    if (packedBytes <= deltaBytes && packedBytes <= plainBytes) {
        out.u8(Packed);
        writePacked(out, n, value, lo, width);
        return;
    }
    const bool useDelta = deltaBytes < plainBytes;
    out.u8(useDelta ? Delta : Plain);
    for (std::size_t i = 0; i < n; ++i)
        out.varint(zigzag(quint64(useDelta ? delta(i) : value(i))));
}

/** writeIntsAt over an array of any integer type. */
template<typename T>
void writeInts(Writer &out, const T *values, std::size_t n)
{
    writeIntsAt(out, n, [values](std::size_t i) { return qint64(values[i]); });
}

inline void writeInts(Writer &out, const std::vector<qint64> &values) { writeInts(out, values.data(), values.size()); }
bool readInts(Reader &in, std::size_t n, std::vector<qint64> *values);

/** Convenience for narrower columns: writes in place; reads, checks the range, narrows. */
template<typename T>
void writeColumn(Writer &out, const std::vector<T> &column)
{
    writeInts(out, column.data(), column.size());
}

/** The Packed mode's tag: readColumn decodes it straight into the narrow column. */
constexpr quint8 kPackedMode = 0;

/** Bit-packed values straight into @p column: no 8-byte-per-row temporary to fill and free. */
template<typename T>
bool readPackedColumn(Reader &in, std::size_t n, qint64 lo, qint64 hi, std::vector<T> *column)
{
    const qint64 base = qint64(in.u64());
    const int width = in.u8();
    if (!in.ok() || width > 64 || base < lo || base > hi)
        return in.fail(), false;
    const std::size_t words = (n * std::size_t(width) + 63) / 64;
    const char *p = width == 0 ? "" : (words <= in.left() / 8 ? in.take(words * 8) : nullptr);
    if (!p)
        return in.fail(), false;
    const quint64 mask = width == 64 ? ~quint64(0) : (quint64(1) << width) - 1, top = quint64(hi) - quint64(base);
    reserveHugePages(*column, n);
    column->resize(n);
    T *out = column->data();
    for (std::size_t i = 0; i < n; ++i) {
        quint64 v = 0;
        if (width > 0) {
            const std::size_t bit = i * std::size_t(width);
            const int shift = int(bit % 64);
            v = qFromLittleEndian<quint64>(p + bit / 64 * 8) >> shift;
            if (shift + width > 64)
                v |= qFromLittleEndian<quint64>(p + (bit / 64 + 1) * 8) << (64 - shift);
            v &= mask;
        }
        if (v > top)
            return in.fail(), false;
        out[i] = T(qint64(quint64(base) + v));
    }
    return true;
}

template<typename T>
bool readColumn(Reader &in, std::size_t n, qint64 lo, qint64 hi, std::vector<T> *column)
{
    if (in.peek() == kPackedMode && hi >= lo) {
        in.u8();
        return readPackedColumn(in, n, lo, hi, column);
    }
    // Through a temporary even for 64-bit columns: the allocator hands the freed buffer to
    // the next column, which then faults no fresh pages (decoding in place measured slower).
    std::vector<qint64> wide;
    if (!readInts(in, n, &wide))
        return false;
    reserveHugePages(*column, n);
    column->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (wide[i] < lo || wide[i] > hi)
            return in.fail(), false;
        (*column)[i] = T(wide[i]);
    }
    return true;
}

} // namespace cpm::columnar::codec
